namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Request-SubtensorFaucet: the faucet of pow-faucet runtimes (every local chain, devnet, testnet). The seal is solved
/// for the COLDKEY at the pallet's fixed difficulty under the runtime's byte order and submitted as
/// SubtensorModule.faucet signed by the coldkey (SPEC §9). Asks once, unlocks the coldkey once, then drips
/// <see cref="FaucetRequest.Count"/> times, each solved on the current head and re-solved when it goes stale.
/// </summary>
public static class FaucetWorkflow
{
    /// <summary>Connects (the first drip's -TimeoutSec counts it), then drips; one outcome per submitted extrinsic.</summary>
    /// <exception cref="PowException">The node cannot be reached; what the drips throw.</exception>
    public static IEnumerable<FaucetOutcome> Run(FaucetRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (chain, submission) = request.Submission.Connect(
            d => ChainSession.Connect(request.Node, output, d), "each drip", cancellation);
        request = request with { Submission = submission };
        using (chain)
        {
            foreach (var outcome in Run(chain, request, output, cancellation)) yield return outcome;
        }
    }

    /// <exception cref="PowException">The runtime has no faucet, the attempts ran out, or the chain or a back end failed.</exception>
    public static IEnumerable<FaucetOutcome> Run(ChainSession chain, FaucetRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var profile = chain.Client.RuntimeProfile;
        RequireFaucet(profile, chain.Endpoint);
        var (order, rule) = SealRuleChoice.Choose(profile, null);
        output.Verbose($"Faucet seal byte order {order}: {rule}; difficulty {FaucetTemplateSource.Difficulty:N0}.");
        string coldkeySs58 = Ss58.Encode(request.ColdkeyPublic);
        if (!output.ShouldProcess($"coldkey {coldkeySs58} at {chain.Endpoint}",
            request.Count == 1 ? "Request faucet funds" : $"Request faucet funds {request.Count} times"))
            yield break;

        // Signing then knows the runtime from the node's announcements, without a round trip before each drip.
        chain.FollowRuntime();
        output.Verbose($"Unlocking coldkey {coldkeySs58}.");
        using var coldkey = request.Unlock();
        for (int drip = 1; drip <= request.Count; drip++)
        {
            // -TimeoutSec bounds each drip from its start to inclusion; the first one also paid for connecting.
            using var deadline = new CallDeadline(request.Submission.Timeout, cancellation,
                drip == 1 ? request.Submission.SpentConnecting : TimeSpan.Zero, "each drip")
            {
                Node = chain.Node,
            };
            var outcome = deadline.Run(t => Drip(chain, coldkey, request, output, t, deadline, drip));
            yield return outcome;
            // The node refuses every drip the same way: more work would be wasted.
            if (outcome.Error is { Id: "FaucetDisabled" }) yield break;
        }
    }

    /// <summary>FaucetNotAvailable unless the runtime lists SubtensorModule.faucet, which only pow-faucet builds do.</summary>
    private static void RequireFaucet(RuntimeProfile profile, string endpoint)
    {
        if (!profile.HasFaucet)
            throw PowException.Pipeline(ErrorIds.FaucetNotAvailable, PowErrorCategory.NotImplemented, endpoint,
                $"Runtime spec {profile.SpecVersion} at {endpoint} has no SubtensorModule.faucet call: " +
                "only pow-faucet builds (local nets, devnet, testnet) have it.",
                "Use a local chain built with the pow-faucet feature (subtensor's scripts/localnet.sh builds it by default).");
    }

    private static FaucetOutcome Drip(ChainSession chain, Sr25519KeyPair coldkey, FaucetRequest request,
        IWorkflowOutput output, CancellationToken cancellation, CallDeadline deadline, int drip)
    {
        string of = request.Count == 1 ? "" : $" (drip {drip} of {request.Count})";
        var client = chain.Client;
        // Read before the work, so nothing but signing stands between a solution and submitting it.
        ulong? accountNonce = null;
        for (int attempt = 1; attempt <= request.Submission.MaxAttempts; attempt++)
        {
            // Decided per attempt: the node may have upgraded its runtime (and its seal rule) since the last one.
            var (order, rule) = SealRuleChoice.Choose(chain.Client.RuntimeProfile, null);
            deadline.Enter($"reading the account nonce and head from {chain.Endpoint}{of}");
            accountNonce ??= chain.Call(() => client.GetAccountNextIndexAsync(coldkey.PublicKey, cancellation));
            var source = new FaucetTemplateSource(coldkey.PublicKey, order, chain.Head(cancellation), cancellation);
            deadline.Enter($"solving the faucet's proof of work{of}", ErrorIds.PowSolveTimeout);
            var solution = OnlineSolve.FollowingHeads(chain,
                new HeadFollowing(source, request.Solve, SolvePurpose.Faucet) { SealRule = rule }, output, cancellation);
            long solved = Stopwatch.GetTimestamp();
            output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: signing faucet for the solution on block " +
                $"{solution.BlockNumber}.");
            // The era is born at the work's own block: its hash is known, and it is younger than any era's end.
            deadline.Enter($"reading chain state to sign faucet{of}");
            var options = new TransactionOptions { AccountNonce = accountNonce, EraBlock = (solution.BlockNumber, solution.BlockHash) };
            SignedTransaction Sign() => chain.Call(() => SubtensorTransactions.BuildFaucetAsync(client, coldkey, solution.BlockNumber, solution.Nonce,
                solution.Seal, options, cancellation));
            var transaction = Sign();
            deadline.Enter($"reading the head before submitting{of}");
            if (RegistrationChecks.IsStaleNow(chain, solution.BlockNumber, cancellation, out var head))
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: the faucet solution for block {solution.BlockNumber} " +
                    $"went stale at head #{head} before submitting; solving again.");
                continue;
            }
            var headToSubmitted = source.AnnouncedAt(solution.BlockNumber) is { } announced ? Stopwatch.GetElapsedTime(announced) : TimeSpan.Zero;
            var solvedToSubmitted = Stopwatch.GetElapsedTime(solved);
            var submitted = TransactionRunner.Submit(chain,
                new Submission(transaction, request.Submission.Wait, request.Submission.Timeout) { Deadline = deadline, Resign = Sign },
                output, cancellation);
            if (submitted.DispatchError is { ErrorName: "InvalidWorkBlock" } && attempt < request.Submission.MaxAttempts)
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: the chain found block {solution.BlockNumber} " +
                    "outside its window (InvalidWorkBlock); solving again.");
                accountNonce = null; // the failed extrinsic used it
                continue;
            }
            var outcome = new FaucetOutcome(submitted, coldkey.PublicKey, attempt)
            {
                WorkBlock = solution.BlockNumber, Nonce = solution.Nonce, AmountRao = PaidRao(submitted),
                HeadToSubmitted = headToSubmitted, SolvedToSubmitted = solvedToSubmitted,
            };
            if (submitted.BlockHash is { } included)
            {
                deadline.Enter($"reading the inclusion block {included} and the balance there{of}");
                var at = BlockHash.Parse(included);
                outcome = outcome with
                {
                    InclusionBlock = chain.Call(() => client.GetHeaderAsync(at, cancellation)).Number,
                    FreeRao = chain.Call(() => client.Subtensor.AccountAsync(coldkey.PublicKey, at, cancellation)).Free,
                };
            }
            return submitted.DispatchError is { } error
                ? outcome with
                {
                    Error = PalletVerdict.FromDispatch(error, outcome, error.ErrorName == "FaucetDisabled"
                        ? "Start a chain built with pow-faucet (subtensor's scripts/localnet.sh), or fund the coldkey from a dev account."
                        : "See the pallet's reason above."),
                }
                : outcome;
        }
        throw new PowException(new PowError(ErrorIds.RegistrationAttemptsExhausted, PowErrorCategory.LimitsExceeded, Ss58.Encode(coldkey.PublicKey),
            $"No faucet drip after {request.Submission.MaxAttempts} attempt(s): every solution went stale before it was included.",
            "Use a faster back end (-Backend Cpu with all threads, -Cuda)."));
    }

    /// <summary>The amount of this extrinsic's SubtensorModule.Faucet(account, amount) event.</summary>
    private static ulong? PaidRao(SubmissionResult submitted) =>
        submitted.Events.FirstOrDefault(e => e.Is(SubtensorTransactions.Pallet, "Faucet")) is { Fields.Count: >= 2 } e
        && e.Fields[1].Value.Unwrapped() is ScaleNumber paid ? (ulong)paid.Value : null;
}

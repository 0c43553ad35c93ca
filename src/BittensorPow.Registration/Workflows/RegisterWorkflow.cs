namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Register-SubtensorNeuron: SubtensorModule.register for a solution (given or solved here), signed by the HOTKEY with the
/// coldkey's public key as owner, after checking what the pallet will check. A solution whose block has left the chain's
/// window — before the checks, right before submitting, or in the pool (the chain's InvalidWorkBlock) — is solved
/// again, up to <see cref="SubmissionPolicy.MaxAttempts"/>.
/// </summary>
public static class RegisterWorkflow
{
    /// <summary>
    /// Yields one outcome per submitted extrinsic (several when the chain's InvalidWorkBlock makes it solve again);
    /// nothing when the hotkey is already registered or the user declined.
    /// </summary>
    /// <exception cref="PowException">A pre-check failed, the attempts ran out, or the chain or a back end failed.</exception>
    public static IEnumerable<RegistrationOutcome> Run(ChainSession chain, RegisterRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        var profile = chain.Client.RuntimeProfile;
        if (!profile.RegisterVerifiesWork)
            throw PowException.Pipeline(ErrorIds.PowRegistrationRemoved, PowErrorCategory.InvalidOperation, profile.SpecVersion,
                $"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: " +
                "it performs a burned registration and charges the signer the subnet's burn.",
                "Register by burn instead, signed by the coldkey: Register-SubtensorNeuron -MaxCost <TAO> caps the burn.");
        var (order, rule) = SealRuleChoice.Choose(profile, request.SealByteOrder);
        output.Verbose($"Seal byte order {order}: {rule}.");
        var hotkey = request.Hotkey;
        if (request.Solution is { } given && !given.Hotkey.AsSpan().SequenceEqual(hotkey.PublicKey))
            throw PowException.Argument(ErrorIds.HotkeyMismatch, given,
                $"The solution is for hotkey {Ss58.Encode(given.Hotkey)}, but the signing hotkey is {hotkey.Ss58Address}; " +
                "the pallet requires the hotkey itself to sign.",
                "Pass the -Wallet/-WalletHotkey the solution was solved for.");

        ushort netUid = request.Solution?.NetUid ?? request.NetUid;
        string target = $"hotkey {hotkey.Ss58Address} on subnet {netUid} at {chain.Endpoint}";
        // Asked once, before any work: a user who takes long to answer must not be handed a stale solution.
        if (!output.ShouldProcess(target, $"Register (owner coldkey {Ss58.Encode(request.Coldkey)})" +
            $"{(request.Solution is null ? " after solving the proof of work" : "")}"))
            yield break;

        // Signing then knows the runtime from the node's announcements, without a round trip before each register.
        chain.FollowRuntime();
        var solution = request.Solution;
        for (int attempt = 1; attempt <= request.Submission.MaxAttempts; attempt++)
        {
            // -TimeoutSec bounds each attempt from its start to inclusion; the first one also paid for connecting.
            using var deadline = new CallDeadline(request.Submission.Timeout, cancellation,
                attempt == 1 ? request.Submission.SpentConnecting : TimeSpan.Zero, "each attempt")
            {
                Node = chain.Node,
            };
            string of = $"(attempt {attempt} of {request.Submission.MaxAttempts})";
            if (solution is null)
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: solving for subnet {netUid}.");
                var solve = new OnlineSolveRequest(netUid, hotkey.PublicKey, request.Solve)
                {
                    SealByteOrder = request.SealByteOrder, Deadline = deadline,
                };
                solution = deadline.Run(t => OnlineSolve.Run(chain, solve, output, t));
                if (solution is null) yield break; // already registered (warned)
            }
            // Re-read after solving: a runtime upgrade during the solve may have changed the rule or register itself.
            profile = chain.Client.RuntimeProfile;
            if (!request.SkipValidation)
            {
                var checking = solution;
                var verdict = deadline.Run($"reading chain state to check the solution for block {checking.BlockNumber} {of}", ErrorIds.RpcTimeout,
                    t => RegistrationChecks.Check(chain, checking, request.SealByteOrder, output, t));
                if (verdict == RegistrationChecks.Verdict.AlreadyRegistered) yield break;
                if (verdict == RegistrationChecks.Verdict.Stale)
                {
                    output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: the solution for block {solution.BlockNumber} " +
                        "is stale; solving again.");
                    solution = null;
                    continue;
                }
            }

            output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: signing register for the solution on block " +
                $"{solution.BlockNumber}.");
            var signing = solution;
            SignedTransaction Sign() => deadline.Run($"reading chain state to sign register {of}", ErrorIds.RpcTimeout,
                t => chain.Call(() => SubtensorTransactions.BuildRegisterAsync(chain.Client, hotkey, request.Coldkey, netUid, signing.BlockNumber,
                    signing.Nonce, signing.Seal, null, t)));
            var transaction = Sign();
            // The last look before the work leaves: the window may have closed while we checked and signed.
            if (!request.SkipValidation && profile.RegisterVerifiesWork)
            {
                ulong head = deadline.Run($"reading the head before submitting {of}", ErrorIds.RpcTimeout, t => chain.Head(t).Number);
                if (Staleness.IsStale(solution.BlockNumber, head))
                {
                    output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: the solution for block {solution.BlockNumber} " +
                        $"went stale at head #{head} before submitting; solving again.");
                    solution = null;
                    continue;
                }
            }
            var submission = new Submission(transaction, request.Submission.Wait, request.Submission.Timeout) { Deadline = deadline, Resign = Sign };
            var submitted = deadline.Run(t => TransactionRunner.Submit(chain, submission, output, t));
            bool retry = submitted.DispatchError is { ErrorName: "InvalidWorkBlock" } && attempt < request.Submission.MaxAttempts;
            var outcome = new RegistrationOutcome(submitted, netUid, hotkey.PublicKey, attempt) with
            {
                BlockNumber = solution.BlockNumber,
                Nonce = solution.Nonce,
            };
            if (submitted.DispatchError is { } error)
                outcome = outcome with
                {
                    Error = PalletVerdict.FromDispatch(error, outcome, retry ? "Solving again." : "See the pallet's reason above."),
                };
            else if (submitted.Success == true) output.Verbose($"Registered: {submitted.Registration} in block {submitted.BlockHash}.");
            yield return outcome;
            if (!retry) yield break;
            solution = null;
        }
        throw new PowException(new PowError(ErrorIds.RegistrationAttemptsExhausted, PowErrorCategory.LimitsExceeded, netUid,
            $"No registration after {request.Submission.MaxAttempts} attempt(s): every solution went stale before it could be submitted.",
            "Use a faster back end (-Cuda, more threads) or raise -MaxAttempts."));
    }
}

using BittensorPow.Engine;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Request-SubtensorFaucet: the faucet of pow-faucet runtimes (every local chain, devnet, testnet). The seal is solved
/// for the COLDKEY at the pallet's fixed difficulty under the runtime's byte order and submitted as
/// SubtensorModule.faucet signed by the coldkey (SPEC §9). Asks once, unlocks the coldkey once, then drips
/// <see cref="FaucetRequest.Count"/> times, each solved on the current head and re-solved when it goes stale.
/// </summary>
public static class FaucetWorkflow
{
    /// <exception cref="PowException">The runtime has no faucet, the attempts ran out, or the chain or a back end failed.</exception>
    public static IEnumerable<RegistrationOutcome> Run(ChainSession chain, FaucetRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var profile = chain.Client.RuntimeProfile;
        if (!profile.HasFaucet)
            throw new PowException(new PowError(ErrorIds.FaucetNotAvailable, PowErrorCategory.NotImplemented, chain.Endpoint,
                $"Runtime spec {profile.SpecVersion} at {chain.Endpoint} has no SubtensorModule.faucet call: only pow-faucet builds (local nets, devnet, testnet) have it.",
                "Use a local chain built with the pow-faucet feature (subtensor's scripts/localnet.sh builds it by default).", Scope: PowErrorScope.Pipeline));
        var (order, rule) = SealRuleChoice.Choose(profile, null);
        output.Verbose($"Faucet seal byte order {order}: {rule}; difficulty {FaucetTemplateSource.Difficulty:N0}.");
        string coldkeySs58 = Ss58.Encode(request.ColdkeyPublic);
        if (!output.ShouldProcess($"coldkey {coldkeySs58} at {chain.Endpoint}", request.Count == 1 ? "Request faucet funds" : $"Request faucet funds {request.Count} times"))
            yield break;

        output.Verbose($"Unlocking coldkey {coldkeySs58}.");
        using var coldkey = request.Unlock();
        for (int drip = 1; drip <= request.Count; drip++)
            yield return Drip(chain, coldkey, request, output, cancellation);
    }

    private static RegistrationOutcome Drip(ChainSession chain, Sr25519KeyPair coldkey, FaucetRequest request,
        IWorkflowOutput output, CancellationToken cancellation)
    {
        for (int attempt = 1; attempt <= request.MaxAttempts; attempt++)
        {
            // Decided per attempt: the node may have upgraded its runtime (and its seal rule) since the last one.
            var (order, rule) = SealRuleChoice.Choose(chain.Client.RuntimeProfile, null);
            var source = new FaucetTemplateSource(coldkey.PublicKey, order, chain.Head(cancellation), cancellation);
            var solution = OnlineSolve.FollowingHeads(chain, source, request.Solve, null, rule, output, cancellation, null, SolvePurpose.Faucet);
            output.Verbose($"Attempt {attempt} of {request.MaxAttempts}: signing faucet for the solution on block {solution.BlockNumber}.");
            var transaction = chain.Call(() => SubtensorTransactions.BuildFaucetAsync(chain.Client, coldkey, solution.BlockNumber, solution.Nonce,
                solution.Seal, null, cancellation));
            if (RegistrationChecks.IsStaleNow(chain, solution.BlockNumber, cancellation, out var head))
            {
                output.Verbose($"Attempt {attempt} of {request.MaxAttempts}: the faucet solution for block {solution.BlockNumber} went stale at head #{head} before submitting; solving again.");
                continue;
            }
            var submitted = TransactionRunner.Submit(chain, transaction, request.Wait, request.Timeout, output, cancellation);
            if (submitted.DispatchError is { ErrorName: "InvalidWorkBlock" } && attempt < request.MaxAttempts)
            {
                output.Verbose($"Attempt {attempt} of {request.MaxAttempts}: the chain found block {solution.BlockNumber} outside its window (InvalidWorkBlock); solving again.");
                continue;
            }
            var outcome = new RegistrationOutcome(submitted.Success switch { true => "Funded", false => "Failed", null => submitted.Status.ToString() }, attempt)
            {
                Account = coldkey.PublicKey, BlockHash = submitted.BlockHash, ExtrinsicHash = submitted.ExtrinsicHashHex,
                BlockNumber = solution.BlockNumber, Nonce = solution.Nonce,
            };
            return submitted.DispatchError is { } error
                ? outcome with { Error = PalletVerdict.FromDispatch(error, outcome, error.ErrorName == "FaucetDisabled"
                    ? "This node was built without subtensor's pow-faucet feature; local chains get it from scripts/localnet.sh (its default) or the published localnet image."
                    : "See the pallet's reason above.") }
                : outcome;
        }
        throw new PowException(new PowError(ErrorIds.RegistrationAttemptsExhausted, PowErrorCategory.LimitsExceeded, Ss58.Encode(coldkey.PublicKey),
            $"No faucet drip after {request.MaxAttempts} attempt(s): every solution went stale before it was included.",
            "Use a faster back end (-Backend Cpu with all threads, -Cuda)."));
    }
}

/// <summary>What the faucet needs; <see cref="Unlock"/> decrypts the coldkey (called once, after confirmation).</summary>
public sealed record FaucetRequest(byte[] ColdkeyPublic, Func<Sr25519KeyPair> Unlock, SolveRequest Solve)
{
    public int Count { get; init; } = 1;
    public int MaxAttempts { get; init; } = 3;
    public WaitFor Wait { get; init; } = WaitFor.InBlock;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
}

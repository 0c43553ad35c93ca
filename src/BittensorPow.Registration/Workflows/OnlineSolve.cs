using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -NetUid: checks the subnet and the hotkey, then solves on the chain's head, following new heads.</summary>
public static class OnlineSolve
{
    /// <summary>Null when the hotkey is already registered (after a warning).</summary>
    /// <param name="deadline">Told the phase (reading chain state, solving), when a -TimeoutSec bounds this.</param>
    public static Solution? Run(ChainSession chain, ushort netUid, byte[] hotkey, SealByteOrder? sealByteOrder, SolveRequest request,
        IWorkflowOutput output, CancellationToken cancellation, CallDeadline? deadline = null)
    {
        var client = chain.Client;
        var profile = client.RuntimeProfile;
        var (order, rule) = SealRuleChoice.Choose(profile, sealByteOrder);
        output.Verbose($"Seal byte order {order}: {rule}.");
        if (!profile.RegisterVerifiesWork)
            output.Warning($"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: it performs a burned registration paid by the signer. The solution is still computed, but the chain will not look at it.");

        deadline?.Enter($"reading the head and subnet {netUid} from {chain.Endpoint}");
        var head = chain.Head(cancellation);
        var subnet = chain.Call(() => client.GetExistingSubnetAsync(netUid, head.Hash, cancellation));
        output.Verbose($"Head #{head.Number} {head.Hash}; subnet {netUid}: difficulty {subnet.Difficulty:N0}, PoW registration {(subnet.PowRegistrationAllowed ? "open" : "closed")}, registration {(subnet.RegistrationAllowed ? "open" : "closed")}, {subnet.RegistrationsThisInterval}/{subnet.TargetRegistrationsPerInterval} registrations this interval, {subnet.RegistrationsThisBlock}/{subnet.MaxRegistrationsPerBlock} this block.");
        if (!subnet.RegistrationAllowed)
            throw new PowException(new PowError(ErrorIds.RegistrationClosed, PowErrorCategory.PermissionDenied, netUid,
                $"Registration on subnet {netUid} is closed (NetworkRegistrationAllowed is false).", "Wait until the subnet owner opens registration."));
        if (!subnet.PowRegistrationAllowed)
            throw new PowException(new PowError(ErrorIds.PowRegistrationClosed, PowErrorCategory.PermissionDenied, netUid,
                $"Proof-of-work registration on subnet {netUid} is closed (NetworkPowRegistrationAllowed is false).",
                "Register with a burn (btcli subnets register) or wait until PoW registration opens."));
        RegistrationInterval.EnsureRoom(client, subnet);
        if (chain.Call(() => client.GetUidAsync(netUid, hotkey, head.Hash, cancellation)) is { } uid)
        {
            output.Warning($"Hotkey {Ss58.Encode(hotkey)} is already registered on subnet {netUid} as uid {uid}; nothing to solve.");
            return null;
        }

        deadline?.Enter($"solving on subnet {netUid} against {chain.Endpoint}", ErrorIds.PowSolveTimeout);
        if (request.Spread is { } spread) return spread(new OnlineSolveTarget(chain, netUid, hotkey, order, rule));
        var source = new SubnetTemplateSource(client, netUid, hotkey, order, head, subnet.Difficulty, cancellation);
        return FollowingHeads(chain, source, request, netUid, rule, output, cancellation, sealByteOrder, SolvePurpose.Register);
    }

    /// <summary>
    /// Solves on <paramref name="source"/> while chain_subscribeNewHeads moves it to each new head and
    /// state_subscribeRuntimeVersion re-decides the seal rule on a runtime upgrade (<see cref="RuntimeFollower"/>).
    /// </summary>
    /// <exception cref="PowException">Also when an upgrade made the work pointless (PowRegistrationRemovedDuringSolve, FaucetNotAvailable).</exception>
    public static Solution FollowingHeads(ChainSession chain, HeadTemplateSource source, SolveRequest request, ushort? netUid, string rule,
        IWorkflowOutput output, CancellationToken cancellation, SealByteOrder? sealOverride = null, SolvePurpose purpose = SolvePurpose.Register)
    {
        using var runtime = RuntimeFollower.Start(chain, source, sealOverride, purpose, output, cancellation);
        var subscription = chain.Call(() => chain.Client.SubscribeNewHeadsAsync(source.OnHead, cancellation));
        try
        {
            return Search.Run(CreateSearchers(request, output), source, request.SolverOptions, output, runtime.Token, netUid, chain.Endpoint, rule, source);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && runtime.StopReason is { } reason)
        {
            while (source.Messages.TryDequeue(out var message)) output.Verbose(message);
            throw new PowException(reason);
        }
        finally
        {
            // Not awaited: the unsubscribe's round trip would stand between a solution and its submission, and a head
            // that still arrives only moves a source nobody reads any more.
            _ = UnsubscribeAsync(subscription);
        }
    }

    private static async Task UnsubscribeAsync(IAsyncDisposable subscription)
    {
        try { await subscription.DisposeAsync().ConfigureAwait(false); }
        catch (Exception) { } // the connection may close first; nothing is left to clean up then
    }

    internal static IReadOnlyList<ISealSearcher> CreateSearchers(SolveRequest request, IWorkflowOutput output) =>
        request.Searchers?.Invoke() ?? Backends.Create(request.Backend, request.ThreadCount, request.DeviceIds, request.ThreadsPerBlock, output);
}

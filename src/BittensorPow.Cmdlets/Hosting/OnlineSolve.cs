using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Keys;
using BittensorPow.Subtensor.Runtime;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>New-PowSolution -NetUid: checks the subnet and the hotkey, then solves on the chain's head, following new heads.</summary>
internal static class OnlineSolve
{
    public sealed record Request(ushort NetUid, string? Endpoint, string? Network, byte[] Hotkey, SealByteOrder? SealByteOrder,
        PowBackend Backend, int? ThreadCount, int[]? DeviceIds, int ThreadsPerBlock, SolverOptions Options);

    public static void Run(PSCmdlet cmdlet, Request request, CancellationToken cancellation)
    {
        using var chain = ChainSession.Connect(cmdlet, request.Endpoint, request.Network, cancellation);
        var solution = Solve(cmdlet, chain, request, cancellation);
        if (solution is not null) cmdlet.WriteObject(solution);
    }

    /// <summary>Null when the hotkey is already registered (after a warning) or the solve timed out (after an error).</summary>
    public static PowSolution? Solve(PSCmdlet cmdlet, ChainSession chain, Request request, CancellationToken cancellation)
    {
        var client = chain.Client;
        var profile = client.RuntimeProfile;
        var (order, rule) = SealRuleChoice.Choose(profile, request.SealByteOrder);
        cmdlet.WriteVerbose($"Seal byte order {order}: {rule}.");
        if (!profile.RegisterVerifiesWork)
            cmdlet.WriteWarning($"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: it performs a burned registration paid by the signer. The solution is still computed, but the chain will not look at it.");

        var head = chain.Call(() => client.GetHeadAsync(cancellation));
        var subnet = chain.Call(() => client.GetExistingSubnetAsync(request.NetUid, head.HashHex, cancellation));
        cmdlet.WriteVerbose($"Head #{head.Number} {head.HashHex}; subnet {request.NetUid}: difficulty {subnet.Difficulty:N0}, PoW registration {(subnet.PowRegistrationAllowed ? "open" : "closed")}, registration {(subnet.RegistrationAllowed ? "open" : "closed")}, {subnet.RegistrationsThisInterval}/{subnet.TargetRegistrationsPerInterval} registrations this interval, {subnet.RegistrationsThisBlock}/{subnet.MaxRegistrationsPerBlock} this block.");
        if (!subnet.RegistrationAllowed)
            throw new PowErrorRecordException(PowErrors.Create(ChainErrorIds.RegistrationClosed, ErrorCategory.PermissionDenied, request.NetUid,
                $"Registration on subnet {request.NetUid} is closed (NetworkRegistrationAllowed is false).", "Wait until the subnet owner opens registration."));
        if (!subnet.PowRegistrationAllowed)
            throw new PowErrorRecordException(PowErrors.Create(ChainErrorIds.PowRegistrationClosed, ErrorCategory.PermissionDenied, request.NetUid,
                $"Proof-of-work registration on subnet {request.NetUid} is closed (NetworkPowRegistrationAllowed is false).",
                "Register with a burn (btcli subnets register) or wait until PoW registration opens."));
        if (chain.Call(() => client.GetUidAsync(request.NetUid, request.Hotkey, head.HashHex, cancellation)) is { } uid)
        {
            cmdlet.WriteWarning($"Hotkey {Ss58.Encode(request.Hotkey)} is already registered on subnet {request.NetUid} as uid {uid}; nothing to solve.");
            return null;
        }

        var source = new ChainTemplateSource(client, request.NetUid, request.Hotkey, order, head, subnet.Difficulty, cancellation);
        return SolveFollowingHeads(cmdlet, chain, source, request, request.NetUid, rule, cancellation);
    }

    /// <summary>Solves on <paramref name="source"/> while chain_subscribeNewHeads moves it to each new head.</summary>
    public static PowSolution? SolveFollowingHeads(PSCmdlet cmdlet, ChainSession chain, ChainTemplateSource source, Request request,
        ushort? netUid, string rule, CancellationToken cancellation)
    {
        var subscription = chain.Call(() => chain.Client.SubscribeNewHeadsAsync(source.OnHead, cancellation));
        try
        {
            var searchers = BackendFactory.Create(request.Backend, request.ThreadCount, request.DeviceIds, request.ThreadsPerBlock, cmdlet.WriteVerbose);
            return SolveAndReport.Run(cmdlet, searchers, source, request.Options, cancellation, netUid, chain.Endpoint, rule, source.Messages);
        }
        finally
        {
            try { subscription.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        }
    }
}

/// <summary>The runtime decides the seal byte order (SPEC §2) unless the user overrides it; either way we say which.</summary>
internal static class SealRuleChoice
{
    public static (SealByteOrder Order, string Rule) Choose(RuntimeProfile profile, SealByteOrder? overrideOrder)
    {
        var runtimeOrder = profile.SealRule == SealRule.BigEndian ? SealByteOrder.BigEndian : SealByteOrder.LittleEndian;
        string runtimeRule = profile.SealRule == SealRule.BigEndian
            ? $"runtime spec {profile.SpecVersion} reads the seal big-endian (specs up to {RuntimeProfile.LastBigEndianSpec})"
            : profile.RegisterVerifiesWork
                ? $"runtime spec {profile.SpecVersion} reads the seal little-endian (specs {RuntimeProfile.LastBigEndianSpec + 1}-{RuntimeProfile.FirstBurningRegisterSpec - 1})"
                : $"runtime spec {profile.SpecVersion}'s register ignores work; little-endian as its faucet checks";
        if (overrideOrder is { } o && o != runtimeOrder)
            return (o, $"given with -SealByteOrder, although {runtimeRule}");
        return (runtimeOrder, runtimeRule);
    }
}

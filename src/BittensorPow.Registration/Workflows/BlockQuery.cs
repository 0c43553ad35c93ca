namespace BittensorPow.Registration.Workflows;

/// <summary>Get-SubtensorBlock: reads the head (or a numbered block) and, with a subnet, what a registration needs to know there.</summary>
public static class BlockQuery
{
    /// <summary>-TimeoutSec bounds the whole call: connecting and every read, whichever one the node leaves unanswered.</summary>
    public static BlockReport Run(BlockQueryRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        using var deadline = new CallDeadline(request.Timeout, cancellation);
        using var chain = ChainSession.Connect(request.Node, output, deadline);
        var client = chain.Client;
        BlockHeader header = request.Number is { } n
            ? deadline.Run($"reading block {n} from {chain.Endpoint}", ErrorIds.RpcTimeout,
                t => chain.Call(async () => await client.GetHeaderAsync(await client.GetBlockHashAsync(n, t), t)))
            : deadline.Run($"reading the head from {chain.Endpoint}", ErrorIds.RpcTimeout, chain.Head);
        var profile = client.RuntimeProfile;
        var report = new BlockReport(header, profile, chain.Endpoint) { SealByteOrder = SealRuleChoice.Choose(profile, null).Order };
        if (request.NetUid is not { } netUid) return report;
        // One round trip for the whole subnet (and the hotkey's standing), whatever the runtime.
        var query = new PowRegistrationQuery(netUid) { Hotkey = request.Hotkey };
        var state = deadline.Run($"reading subnet {netUid} at block {header.Number} from {chain.Endpoint}", ErrorIds.RpcTimeout,
            t => chain.Call(() => client.Subtensor.PowRegistrationStateAsync(query, header.Hash, t)));
        return report with { Subnet = state };
    }
}

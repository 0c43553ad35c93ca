namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Reads what an included extrinsic did: its index in the block (chain_getBlock, matched by blake2b-256 hash), the
/// block's System.Events with phase ApplyExtrinsic(index), and from those success or the decoded dispatch error.
/// </summary>
public static class InclusionInspector
{
    public sealed record Inclusion(uint Index, IReadOnlyList<ChainEvent> Events, bool? Success, DispatchError? DispatchError,
        NeuronRegistration? Registration);

    /// <exception cref="ChainReplyException">The node does not know the block, or the block does not hold the extrinsic.</exception>
    public static async Task<Inclusion> InspectAsync(
        SubtensorClient client, string blockHash, byte[] extrinsicHash, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        uint index = await FindIndexAsync(client, blockHash, extrinsicHash, cancellation).ConfigureAwait(false);
        var all = await SystemEvents.ReadAsync(client, blockHash, cancellation).ConfigureAwait(false);
        var mine = all.Where(e => e.Phase == EventPhase.ApplyExtrinsic && e.ExtrinsicIndex == index).ToList();
        return Judge(index, mine, client.Metadata);
    }

    /// <summary>Success, failure and registration from one extrinsic's events.</summary>
    public static Inclusion Judge(uint index, IReadOnlyList<ChainEvent> events, Metadata.RuntimeMetadata metadata)
    {
        bool? success = null;
        DispatchError? error = null;
        NeuronRegistration? registration = null;
        foreach (var e in events)
        {
            if (e.Is("System", "ExtrinsicSuccess")) success = true;
            else if (e.Is("System", "ExtrinsicFailed"))
            {
                success = false;
                var value = e.Field("dispatch_error", 0) ?? throw new ChainReplyException($"{e} carries no dispatch error.");
                error = DispatchError.FromValue(value, metadata);
            }
            else if (e.Is(SubtensorTransactions.Pallet, "NeuronRegistered"))
            {
                registration = Registration(e);
            }
        }
        return new Inclusion(index, events, success, error, registration);
    }

    /// <summary>NeuronRegistered(netuid, uid, hotkey): unnamed fields in every runtime we hold, so read by position.</summary>
    private static NeuronRegistration? Registration(ChainEvent e)
    {
        if (e.Field("netuid", 0) is not { } netuid || e.Field("uid", 1) is not { } uid || e.Field("hotkey", 2) is not { } hotkey) return null;
        try { return new NeuronRegistration(netuid.AsUInt16(), uid.AsUInt16(), hotkey.AsBytes()); }
        catch (Exception x) when (x is InvalidCastException or OverflowException) { return null; } // a future shape: the event list still has it
    }

    private static async Task<uint> FindIndexAsync(SubtensorClient client, string blockHash, byte[] extrinsicHash, CancellationToken ct)
    {
        var reply = await client.Rpc.CallAsync("chain_getBlock", [blockHash], ct).ConfigureAwait(false);
        if (reply.ValueKind == JsonValueKind.Null) throw new ChainReplyException($"The node does not know block {blockHash}.");
        if (!reply.TryGetProperty("block", out var block) || !block.TryGetProperty("extrinsics", out var list)
            || list.ValueKind != JsonValueKind.Array)
            throw new ChainReplyException($"chain_getBlock({blockHash}) answered without a list of extrinsics.");
        uint i = 0;
        foreach (var x in list.EnumerateArray())
        {
            if (x.ValueKind == JsonValueKind.String && SubstrateHash.Blake2b256(Hex.Decode(x.GetString()!)).AsSpan().SequenceEqual(extrinsicHash))
                return i;
            i++;
        }
        throw new ChainReplyException($"Block {blockHash} does not contain extrinsic {Hex.Encode(extrinsicHash)}, "
            + "although the node reported it there.");
    }
}

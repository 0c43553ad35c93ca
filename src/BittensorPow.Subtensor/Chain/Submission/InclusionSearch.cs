namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Finds a submitted extrinsic in the chain's blocks when its status stream is gone (the connection dropped and a
/// watch is never re-sent, since re-sending would submit it again). Looks at every block from the one before
/// submission on, as the node produces them, until the extrinsic is found, its mortal era has ended, or time is up.
/// </summary>
internal static class InclusionSearch
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <returns>The block hash that holds the extrinsic, or null once it can no longer be included (era over).</returns>
    public static async Task<(string BlockHash, ulong Number)?> FindAsync(SubtensorClient client, byte[] extrinsicHash, ulong fromBlock,
        ulong lastValidBlock, Action<string>? progress, CancellationToken ct)
    {
        ulong next = fromBlock;
        while (true)
        {
            ulong head = (await client.GetHeadAsync(ct).ConfigureAwait(false)).Number;
            for (; next <= head; next++)
            {
                string blockHash = (await client.GetBlockHashAsync(next, ct).ConfigureAwait(false)).ToString();
                if (await ContainsAsync(client, blockHash, extrinsicHash, ct).ConfigureAwait(false))
                {
                    progress?.Invoke($"Found {Hex.Encode(extrinsicHash)} in block #{next} {blockHash}.");
                    return (blockHash, next);
                }
            }
            if (head > lastValidBlock) return null;
            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the finalized head reaches <paramref name="number"/>.</summary>
    public static async Task WaitFinalizedAsync(SubtensorClient client, ulong number, CancellationToken ct)
    {
        while ((await client.GetFinalizedHeadAsync(ct).ConfigureAwait(false)).Number < number)
            await Task.Delay(Poll, ct).ConfigureAwait(false);
    }

    private static async Task<bool> ContainsAsync(SubtensorClient client, string blockHash, byte[] extrinsicHash, CancellationToken ct)
    {
        var reply = await client.Rpc.CallAsync("chain_getBlock", [blockHash], ct).ConfigureAwait(false);
        if (reply.ValueKind != JsonValueKind.Object || !reply.TryGetProperty("block", out var block)
            || !block.TryGetProperty("extrinsics", out var list) || list.ValueKind != JsonValueKind.Array) return false;
        foreach (var x in list.EnumerateArray())
            if (x.ValueKind == JsonValueKind.String && SubstrateHash.Blake2b256(Hex.Decode(x.GetString()!)).AsSpan().SequenceEqual(extrinsicHash))
                return true;
        return false;
    }
}

namespace BittensorPow.Subtensor.Chain.Blocks;

/// <summary>
/// A block header with its hash. <see cref="Hash"/> is computed locally (<see cref="HeaderCodec"/>), so a header and
/// its hash always belong together, even when the chain moves on between two calls.
/// </summary>
public sealed record BlockHeader(
    ulong Number, BlockHash Hash, BlockHash ParentHash, byte[] StateRoot, byte[] ExtrinsicsRoot, IReadOnlyList<byte[]> DigestLogs)
{
    public override string ToString() => $"#{Number} {Hash}";
}

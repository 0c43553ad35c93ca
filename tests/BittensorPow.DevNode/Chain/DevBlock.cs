using System.Collections.Immutable;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// One block: its header fields, its extrinsics and the storage as it stands after it. Each block keeps its own
/// immutable snapshot, so reads "at" an older block see that block's state, as on a real node.
/// </summary>
public sealed class DevBlock
{
    public DevBlock(byte[] parentHash, ulong number, byte[] stateRoot, byte[] extrinsicsRoot, IReadOnlyList<byte[]> digestLogs,
        IReadOnlyList<byte[]> extrinsics, ImmutableSortedDictionary<string, byte[]> state)
    {
        ParentHash = parentHash;
        Number = number;
        StateRoot = stateRoot;
        ExtrinsicsRoot = extrinsicsRoot;
        DigestLogs = digestLogs;
        Extrinsics = extrinsics;
        State = state;
        Hash = HeaderCodec.Hash(this);
    }

    public byte[] ParentHash { get; }
    public ulong Number { get; }
    public byte[] StateRoot { get; }
    public byte[] ExtrinsicsRoot { get; }
    /// <summary>Each entry is one SCALE-encoded DigestItem.</summary>
    public IReadOnlyList<byte[]> DigestLogs { get; }
    public IReadOnlyList<byte[]> Extrinsics { get; }
    public byte[] Hash { get; }

    /// <summary>Storage keyed by lower-case 0x-hex key. Dev control calls may replace it on the head block (as chopsticks' dev_setStorage does).</summary>
    public ImmutableSortedDictionary<string, byte[]> State { get; internal set; }

    public string HashHex => Hex(Hash);

    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

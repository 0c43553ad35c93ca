using System.Collections.Immutable;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;

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
        // The client's codec computes the hash, so the DevNode and the client cannot disagree on what a block hash is.
        Header = HeaderCodec.Create(parentHash, number, stateRoot, extrinsicsRoot, digestLogs);
        Extrinsics = extrinsics;
        State = state;
    }

    /// <summary>The header with its hash (blake2-256 of the SCALE header, as a node computes it).</summary>
    public BlockHeader Header { get; }
    public byte[] ParentHash => Header.ParentHash.ToArray();
    public ulong Number => Header.Number;
    public byte[] StateRoot => Header.StateRoot;
    public byte[] ExtrinsicsRoot => Header.ExtrinsicsRoot;
    /// <summary>Each entry is one SCALE-encoded DigestItem.</summary>
    public IReadOnlyList<byte[]> DigestLogs => Header.DigestLogs;
    public IReadOnlyList<byte[]> Extrinsics { get; }
    public byte[] Hash => Header.Hash.ToArray();

    /// <summary>
    /// Storage keyed by lower-case 0x-hex key. Dev control calls may replace it on the head block (as chopsticks'
    /// dev_setStorage does).
    /// </summary>
    public ImmutableSortedDictionary<string, byte[]> State { get; internal set; }

    public string HashHex => Hex(Hash);

    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

using System.Text.Json.Nodes;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// The Substrate header: SCALE encoding (parentHash ‖ compact(number) ‖ stateRoot ‖ extrinsicsRoot ‖ Vec&lt;DigestItem&gt;),
/// its blake2-256 hash (the block hash) and the JSON form nodes send. Private to the DevNode until the lead merges
/// it with the client's Chain/HeaderCodec.
/// </summary>
public static class HeaderCodec
{
    public static byte[] Encode(DevBlock block) => Encode(block.ParentHash, block.Number, block.StateRoot, block.ExtrinsicsRoot, block.DigestLogs);

    public static byte[] Encode(ReadOnlySpan<byte> parentHash, ulong number, ReadOnlySpan<byte> stateRoot, ReadOnlySpan<byte> extrinsicsRoot,
        IReadOnlyList<byte[]> digestLogs)
    {
        var w = new ScaleWriter().Raw(parentHash).Compact(number).Raw(stateRoot).Raw(extrinsicsRoot).Compact((ulong)digestLogs.Count);
        foreach (var log in digestLogs) w.Raw(log);
        return w.ToArray();
    }

    public static byte[] Hash(DevBlock block) => SubstrateHash.Blake2b256(Encode(block));

    /// <summary>
    /// The JSON header. Real nodes write the number as minimal hex ("0x1a"); chopsticks pads it to 8 digits
    /// ("0x0000001a"). <paramref name="paddedNumber"/> picks the chopsticks form so clients can be tested against both.
    /// </summary>
    public static JsonObject ToJson(DevBlock block, bool paddedNumber) => new()
    {
        ["parentHash"] = DevBlock.Hex(block.ParentHash),
        ["number"] = paddedNumber ? $"0x{block.Number:x8}" : $"0x{block.Number:x}",
        ["stateRoot"] = DevBlock.Hex(block.StateRoot),
        ["extrinsicsRoot"] = DevBlock.Hex(block.ExtrinsicsRoot),
        ["digest"] = new JsonObject { ["logs"] = new JsonArray(block.DigestLogs.Select(l => (JsonNode)DevBlock.Hex(l)).ToArray()) },
    };

    /// <summary>DigestItem::PreRuntime(*b"aura", slot as SCALE u64 in a Vec&lt;u8&gt;): the log every Aura block carries.</summary>
    public static byte[] AuraPreDigest(ulong slot)
        => new ScaleWriter().U8(6).Raw("aura"u8).Bytes(new ScaleWriter().U64(slot).ToArray()).ToArray();
}

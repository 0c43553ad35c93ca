namespace BittensorPow.Subtensor.Chain.Blocks;

/// <summary>
/// Substrate headers between JSON-RPC and SCALE. The block hash is blake2-256 of the SCALE header:
/// <c>parentHash[32] ‖ compact(number) ‖ stateRoot[32] ‖ extrinsicsRoot[32] ‖ compact(#logs) ‖ logs</c>, where each
/// digest log in the JSON is already the SCALE encoding of one DigestItem. Shared with the DevNode, which must
/// produce real block hashes.
/// </summary>
public static class HeaderCodec
{
    public static byte[] Encode(ReadOnlySpan<byte> parentHash, ulong number, ReadOnlySpan<byte> stateRoot,
        ReadOnlySpan<byte> extrinsicsRoot, IReadOnlyList<byte[]> digestLogs)
    {
        Require32(parentHash, "parentHash");
        Require32(stateRoot, "stateRoot");
        Require32(extrinsicsRoot, "extrinsicsRoot");
        var w = new ScaleWriter().Raw(parentHash).Compact(number).Raw(stateRoot).Raw(extrinsicsRoot).Compact((ulong)digestLogs.Count);
        foreach (var log in digestLogs) w.Raw(log);
        return w.ToArray();
    }

    public static byte[] ComputeHash(ReadOnlySpan<byte> parentHash, ulong number, ReadOnlySpan<byte> stateRoot,
        ReadOnlySpan<byte> extrinsicsRoot, IReadOnlyList<byte[]> digestLogs) =>
        SubstrateHash.Blake2b256(Encode(parentHash, number, stateRoot, extrinsicsRoot, digestLogs));

    /// <summary>Builds a header (hash included) from its parts.</summary>
    public static BlockHeader Create(byte[] parentHash, ulong number, byte[] stateRoot, byte[] extrinsicsRoot, IReadOnlyList<byte[]> digestLogs) =>
        new(number, BlockHash.FromBytes(ComputeHash(parentHash, number, stateRoot, extrinsicsRoot, digestLogs)), BlockHash.FromBytes(parentHash),
            stateRoot, extrinsicsRoot, digestLogs);

    /// <summary>
    /// Parses the JSON header of chain_getHeader / chain_newHead. The number may be minimal ("0x3"), zero-padded
    /// ("0x00000003", chopsticks) or, leniently, a JSON number.
    /// </summary>
    public static BlockHeader Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new ChainReplyException($"Expected a block header object but got {json.ValueKind}.");
        try
        {
            var numberElement = json.GetProperty("number");
            ulong number = numberElement.ValueKind == JsonValueKind.Number
                ? numberElement.GetUInt64()
                : Hex.ParseQuantity(Text(numberElement, "number"));
            var logs = new List<byte[]>();
            if (json.TryGetProperty("digest", out var digest) && digest.TryGetProperty("logs", out var list))
                foreach (var log in list.EnumerateArray()) logs.Add(Hex.Decode(Text(log, "digest log")));
            return Create(Hash32(json, "parentHash"), number, Hash32(json, "stateRoot"), Hash32(json, "extrinsicsRoot"), logs);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ChainReplyException($"The node sent a block header that could not be read: {e.Message}", e);
        }
    }

    /// <summary>The JSON form a node sends, e.g. for a DevNode; <paramref name="zeroPaddedNumber"/> imitates chopsticks.</summary>
    public static JsonObject ToJson(BlockHeader header, bool zeroPaddedNumber = false) => new()
    {
        ["parentHash"] = header.ParentHash.ToString(),
        ["number"] = zeroPaddedNumber ? $"0x{header.Number:x8}" : $"0x{header.Number:x}",
        ["stateRoot"] = Hex.Encode(header.StateRoot),
        ["extrinsicsRoot"] = Hex.Encode(header.ExtrinsicsRoot),
        ["digest"] = new JsonObject { ["logs"] = new JsonArray([.. header.DigestLogs.Select(l => (JsonNode)Hex.Encode(l))]) },
    };

    private static byte[] Hash32(JsonElement json, string name)
    {
        var bytes = Hex.Decode(Text(json.GetProperty(name), name));
        return bytes.Length == 32 ? bytes : throw new FormatException($"{name} is {bytes.Length} bytes, not 32.");
    }

    /// <summary>GetString answers null for a JSON null; a header field must be text.</summary>
    private static string Text(JsonElement value, string name) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw new FormatException($"{name} is a JSON {value.ValueKind}, not a hex string.");

    private static void Require32(ReadOnlySpan<byte> value, string name)
    {
        if (value.Length != 32) throw new ArgumentException($"{name} must be 32 bytes, not {value.Length}.", name);
    }
}

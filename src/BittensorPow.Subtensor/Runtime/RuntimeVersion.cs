namespace BittensorPow.Subtensor.Runtime;

/// <summary>The reply of <c>state_getRuntimeVersion</c>: which runtime the node executes.</summary>
public sealed record RuntimeVersion(
    string SpecName, string ImplName, uint SpecVersion, uint ImplVersion, uint TransactionVersion,
    IReadOnlyDictionary<string, uint> Apis)
{
    /// <summary>blake2-64("Metadata"): the runtime API that offers metadata_versions / metadata_at_version (from version 2).</summary>
    public const string MetadataApiId = "0x37e397fc7c91f5e4";

    public uint? ApiVersion(string apiId) => Apis.TryGetValue(apiId.ToLowerInvariant(), out var v) ? v : null;

    public static RuntimeVersion FromJson(JsonElement json)
    {
        try
        {
            var apis = new Dictionary<string, uint>();
            if (json.TryGetProperty("apis", out var list))
                foreach (var pair in list.EnumerateArray())
                    apis[pair[0].GetString()!.ToLowerInvariant()] = pair[1].GetUInt32();
            return new RuntimeVersion(
                json.GetProperty("specName").GetString()!,
                json.TryGetProperty("implName", out var impl) ? impl.GetString()! : "",
                json.GetProperty("specVersion").GetUInt32(),
                json.TryGetProperty("implVersion", out var iv) ? iv.GetUInt32() : 0,
                json.GetProperty("transactionVersion").GetUInt32(),
                apis);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new ChainReplyException($"state_getRuntimeVersion answered something that is not a runtime version: {Shorten(json)}", e);
        }
    }

    private static string Shorten(JsonElement json) => Rpc.PeerText.Quote(json.GetRawText());
}

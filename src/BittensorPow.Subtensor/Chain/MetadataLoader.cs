namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// Fetches the runtime metadata. <c>state_getMetadata</c> only ever returns V14; newer versions come from the
/// Metadata runtime API (version ≥ 2: <c>Metadata_metadata_versions</c>, <c>Metadata_metadata_at_version</c>), which
/// is used when the runtime advertises it. Any remote refusal there falls back to <c>state_getMetadata</c>.
/// </summary>
public static class MetadataLoader
{
    /// <summary>The highest version this client decodes; higher ones (and u32::MAX = "unstable") are skipped.</summary>
    public const uint HighestSupported = 16;

    public static async Task<RuntimeMetadata> LoadAsync(IRpcClient rpc, RuntimeVersion version, BlockHash? atBlockHash = null,
        CancellationToken cancellation = default)
    {
        if (version.ApiVersion(RuntimeVersion.MetadataApiId) >= 2)
        {
            try
            {
                var versions = ParseVersions(await StateCallAsync(
                    rpc, "Metadata_metadata_versions", [], atBlockHash, cancellation).ConfigureAwait(false));
                var best = versions.Where(v => v is >= 14 and <= HighestSupported).DefaultIfEmpty(0u).Max();
                if (best > 14)
                {
                    var arg = new byte[4];
                    BinaryPrimitives.WriteUInt32LittleEndian(arg, best);
                    var bytes = await StateCallAsync(rpc, "Metadata_metadata_at_version", arg, atBlockHash, cancellation).ConfigureAwait(false);
                    return MetadataDecoder.Decode(bytes);
                }
            }
            catch (RpcException e) when (e.Kind == RpcErrorKind.Remote)
            {
                // An older node or a test tool without state_call support: V14 through state_getMetadata still works.
            }
        }
        object?[] parameters = atBlockHash is null ? [] : [atBlockHash];
        var result = await rpc.CallAsync("state_getMetadata", parameters, cancellation).ConfigureAwait(false);
        if (result.ValueKind != System.Text.Json.JsonValueKind.String)
            throw new ChainReplyException($"state_getMetadata answered {result.ValueKind}, not hex.");
        return MetadataDecoder.Decode(result.GetString()!);
    }

    private static async Task<byte[]> StateCallAsync(IRpcClient rpc, string method, byte[] argument, BlockHash? at, CancellationToken ct)
    {
        object?[] parameters = at is null ? [method, Hex.Encode(argument)] : [method, Hex.Encode(argument), at];
        var result = await rpc.CallAsync("state_call", parameters, ct).ConfigureAwait(false);
        if (result.ValueKind != System.Text.Json.JsonValueKind.String)
            throw new ChainReplyException($"state_call {method} answered {result.ValueKind}, not hex.");
        return Hex.Decode(result.GetString()!);
    }

    /// <summary>The SCALE Vec&lt;u32&gt; returned by Metadata_metadata_versions.</summary>
    internal static List<uint> ParseVersions(byte[] bytes)
    {
        try
        {
            var r = new ScaleReader(bytes);
            int count = r.CompactLength();
            var list = new List<uint>(count);
            for (int i = 0; i < count; i++) list.Add(r.U32());
            return list;
        }
        catch (ScaleFormatException e)
        {
            throw new ChainReplyException($"Metadata_metadata_versions did not return a list of versions: {e.Message}", e);
        }
    }
}

namespace BittensorPow.Subtensor.Storage;

/// <summary>
/// Reads storage with <c>state_getStorage</c> and decodes it by the metadata's value type. A null reply means the
/// key is absent: Default entries then read as the metadata's default (which changed between runtimes), Optional
/// entries as null. Never a language default.
/// </summary>
public sealed class StorageReader(IRpcClient rpc, RuntimeMetadata metadata)
{
    public RuntimeMetadata Metadata => metadata;

    /// <summary>The raw bytes at a key, or null when the key is absent.</summary>
    public async Task<byte[]?> GetRawAsync(byte[] key, BlockHash? atBlockHash = null, CancellationToken cancellation = default)
    {
        object?[] parameters = atBlockHash is null ? [Hex.Encode(key)] : [Hex.Encode(key), atBlockHash];
        var result = await rpc.CallAsync("state_getStorage", parameters, cancellation).ConfigureAwait(false);
        if (result.ValueKind == System.Text.Json.JsonValueKind.Null) return null;
        if (result.ValueKind != System.Text.Json.JsonValueKind.String)
            throw new ChainReplyException($"state_getStorage answered {result.ValueKind}, not a hex string or null.");
        return Hex.Decode(result.GetString()!);
    }

    /// <summary>
    /// Reads and decodes an entry. Returns null only for an absent Optional entry; an absent Default entry decodes
    /// the metadata default.
    /// </summary>
    public async Task<ScaleValue?> ReadAsync(StorageEntry entry, byte[][] encodedKeys, BlockHash? atBlockHash = null,
        CancellationToken cancellation = default)
    {
        var raw = await GetRawAsync(StorageKey.For(entry, encodedKeys), atBlockHash, cancellation).ConfigureAwait(false);
        return Decode(entry, raw);
    }

    public Task<ScaleValue?> ReadAsync(string pallet, string item, byte[][] encodedKeys, BlockHash? atBlockHash = null,
        CancellationToken cancellation = default) =>
        ReadAsync(metadata.Storage(pallet, item), encodedKeys, atBlockHash, cancellation);

    /// <summary>
    /// Several entries at one block in one round trip (<c>state_queryStorageAt</c>), decoded as
    /// <see cref="ReadAsync(StorageEntry, byte[][], BlockHash?, CancellationToken)"/> does, in the order asked.
    /// </summary>
    public async Task<ScaleValue?[]> ReadManyAsync(IReadOnlyList<StorageRead> reads, BlockHash? atBlockHash = null,
        CancellationToken cancellation = default)
    {
        if (reads.Count == 0) return [];
        var keys = reads.Select(r => Hex.Encode(StorageKey.For(r.Entry, r.Keys))).ToArray();
        object?[] parameters = atBlockHash is null ? [keys] : [keys, atBlockHash];
        var result = await rpc.CallAsync("state_queryStorageAt", parameters, cancellation).ConfigureAwait(false);
        var found = new Dictionary<string, byte[]?>(StringComparer.OrdinalIgnoreCase);
        if (result.ValueKind != System.Text.Json.JsonValueKind.Array)
            throw new ChainReplyException($"state_queryStorageAt answered {result.ValueKind}, not a list of change sets.");
        foreach (var set in result.EnumerateArray())
        {
            if (!set.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                throw new ChainReplyException("state_queryStorageAt answered a change set without its changes.");
            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind != JsonValueKind.Array || change.GetArrayLength() != 2
                    || change[0].ValueKind != JsonValueKind.String)
                    throw new ChainReplyException("state_queryStorageAt answered a change that is not [key, value].");
                found[change[0].GetString()!] =
                    change[1].ValueKind == JsonValueKind.String ? Hex.Decode(change[1].GetString()!) : null;
            }
        }
        // A key the node leaves out of the change set has no value there: absent, like a null.
        return [.. reads.Select((r, i) => Decode(r.Entry, found.GetValueOrDefault(keys[i])))];
    }

    /// <summary>
    /// One page of the keys under <paramref name="prefix"/> (<c>state_getKeysPaged</c>), after <paramref name="startKey"/>
    /// when given, in key order; fewer than <paramref name="count"/> means the last page.
    /// </summary>
    public async Task<byte[][]> KeysPagedAsync(
        byte[] prefix, int count, byte[]? startKey, BlockHash atBlockHash, CancellationToken cancellation = default)
    {
        object?[] parameters = [Hex.Encode(prefix), count, startKey is null ? null : Hex.Encode(startKey), atBlockHash];
        var result = await rpc.CallAsync("state_getKeysPaged", parameters, cancellation).ConfigureAwait(false);
        if (result.ValueKind != System.Text.Json.JsonValueKind.Array)
            throw new ChainReplyException($"state_getKeysPaged answered {result.ValueKind}, not a list of keys.");
        return [.. result.EnumerateArray().Select(k => k.ValueKind == System.Text.Json.JsonValueKind.String
            ? Hex.Decode(k.GetString()!) : throw new ChainReplyException("state_getKeysPaged answered a key that is not a hex string."))];
    }

    /// <summary>Decodes a value read at <paramref name="entry"/>'s key (null = absent), applying the default rule.</summary>
    public ScaleValue? Decode(StorageEntry entry, byte[]? raw)
    {
        if (raw is null)
        {
            // An Optional entry's metadata default is the encoding of None; a Default entry's is the value itself.
            if (entry.Modifier == StorageModifier.Optional) return null;
            raw = entry.Default;
        }
        try
        {
            return ScaleValueDecoder.DecodeAll(metadata.Types, entry.ValueTypeId, raw);
        }
        catch (Scale.ScaleFormatException e)
        {
            // The value is the node's: a few bytes of it say enough, all of them (up to 64 MiB) would flood the message.
            string shown = Rpc.PeerText.Quote(Hex.Encode(raw.AsSpan(0, Math.Min(raw.Length, 40))), 80);
            throw new ChainReplyException(
                $"The value of {entry} ({shown}, {raw.Length} bytes) does not match its type "
                + $"in the runtime metadata: {e.Message}", e);
        }
    }
}

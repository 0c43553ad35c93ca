namespace BittensorPow.Subtensor.Storage;

/// <summary>Storage keys: <c>twox128(pallet) ‖ twox128(item) ‖ hasher₁(SCALE(key₁)) ‖ hasher₂(SCALE(key₂)) ‖ …</c>.</summary>
public static class StorageKey
{
    /// <summary>The key of a plain value, and the common prefix of every key of a map.</summary>
    public static byte[] Prefix(string pallet, string item) => [.. SubstrateHash.Twox128(pallet), .. SubstrateHash.Twox128(item)];

    /// <summary>Applies one hasher to one SCALE-encoded key part.</summary>
    public static byte[] Hash(StorageHasher hasher, ReadOnlySpan<byte> encodedKey) => hasher switch
    {
        StorageHasher.Identity => encodedKey.ToArray(),
        StorageHasher.Blake2_128 => SubstrateHash.Blake2b128(encodedKey),
        StorageHasher.Blake2_256 => SubstrateHash.Blake2b256(encodedKey),
        StorageHasher.Blake2_128Concat => [.. SubstrateHash.Blake2b128(encodedKey), .. encodedKey],
        StorageHasher.Twox128 => SubstrateHash.Twox128(encodedKey),
        StorageHasher.Twox256 => Twox256(encodedKey),
        StorageHasher.Twox64Concat => [.. SubstrateHash.Twox64(encodedKey), .. encodedKey],
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "Unknown storage hasher."),
    };

    /// <summary>
    /// The full key of a storage entry. <paramref name="encodedKeys"/> holds one SCALE-encoded part per hasher the
    /// metadata lists, in order (e.g. Uids: netuid as u16 LE, then the 32-byte hotkey).
    /// </summary>
    public static byte[] For(StorageEntry entry, params byte[][] encodedKeys)
    {
        if (encodedKeys.Length != entry.Hashers.Count)
            throw new ArgumentException(
                $"{entry} takes {entry.Hashers.Count} key part(s) in this runtime, but {encodedKeys.Length} were given.", nameof(encodedKeys));
        var key = new List<byte>(Prefix(entry.Prefix, entry.Name));
        for (int i = 0; i < encodedKeys.Length; i++) key.AddRange(Hash(entry.Hashers[i], encodedKeys[i]));
        return [.. key];
    }

    /// <summary>XXH64 with seeds 0..3, each little-endian: the 256-bit sibling of twox128.</summary>
    private static byte[] Twox256(ReadOnlySpan<byte> data)
    {
        var result = new byte[32];
        for (int seed = 0; seed < 4; seed++)
        {
            var part = result.AsSpan(seed * 8, 8);
            System.IO.Hashing.XxHash64.Hash(data, part, seed);
            part.Reverse();
        }
        return result;
    }
}

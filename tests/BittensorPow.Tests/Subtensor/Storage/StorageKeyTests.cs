using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Storage;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Subtensor;

public class StorageKeyTests
{
    public static TheoryData<string> Twox128Names() => new(SubstrateVectors.GetProperty("twox128").EnumerateObject().Select(p => p.Name));
    public static TheoryData<string> PowKeyNames()
        => new(PowVectors.GetProperty("storageKeys").GetProperty("items").EnumerateObject().Select(p => p.Name));
    public static TheoryData<string> SubstrateKeyNames() => new(SubstrateVectors.GetProperty("storage_keys").EnumerateObject()
        .Select(p => p.Name).Where(n => n.Contains('.')));

    [Theory, MemberData(nameof(Twox128Names))]
    public void Twox128_matches_the_vectors(string name)
    {
        var expected = SubstrateVectors.GetProperty("twox128").GetProperty(name).GetString()!;
        Assert.Equal(expected, ChainHex.Encode(StorageKey.Hash(StorageHasher.Twox128, System.Text.Encoding.UTF8.GetBytes(name))));
    }

    [Fact]
    public void Blake2_128_of_alice_matches_the_vector()
    {
        var expected = SubstrateVectors.GetProperty("storage_keys").GetProperty("blake2_128(Alice pub)").GetString()!;
        Assert.Equal(expected, ChainHex.Encode(StorageKey.Hash(StorageHasher.Blake2_128, Key("alice"))));
    }

    // Every pow-vectors storage key, built from the hashers each runtime's metadata lists (not from hard-coded ones).
    [Theory, MemberData(nameof(PowKeyNames))]
    public void Pow_vector_keys_from_every_runtime(string name)
    {
        var expected = PowVectors.GetProperty("storageKeys").GetProperty("items").GetProperty(name).GetString()!;
        foreach (var file in MetadataFiles.Names())
            Assert.Equal(expected, ChainHex.Encode(Build(MetadataFiles.Get(file), name,
                PowVectors.GetProperty("storageKeys").GetProperty("netuid").GetUInt16())));
    }

    [Theory, MemberData(nameof(SubstrateKeyNames))]
    public void Substrate_vector_keys(string name)
    {
        var expected = SubstrateVectors.GetProperty("storage_keys").GetProperty(name).GetString()!;
        Assert.Equal(expected, ChainHex.Encode(Build(MetadataFiles.Get("raonet-spec218-v14.scale"), name, null)));
    }

    [Fact]
    public void Concat_hashers_append_the_key_and_hash_hashers_do_not()
    {
        byte[] key = [1, 0];
        Assert.Equal([.. SubstrateHash.Twox64(key), .. key], StorageKey.Hash(StorageHasher.Twox64Concat, key));
        Assert.Equal(SubstrateHash.Blake2b256(key), StorageKey.Hash(StorageHasher.Blake2_256, key));
        Assert.Equal(32, StorageKey.Hash(StorageHasher.Twox256, key).Length);
        Assert.Equal(StorageKey.Hash(StorageHasher.Twox128, key), StorageKey.Hash(StorageHasher.Twox256, key)[..16]);
    }

    [Fact]
    public void Wrong_number_of_key_parts_is_rejected()
    {
        var uids = MetadataFiles.Get("raonet-spec218-v14.scale").Storage("SubtensorModule", "Uids");
        var e = Assert.Throws<ArgumentException>(() => StorageKey.For(uids, SubtensorStorage.NetUid(1)));
        Assert.Contains("2 key part(s)", e.Message);
    }

    /// <summary>Parses "Pallet.Item", "Pallet.Item(1)", "Pallet.Item(1, Alice)", "Pallet.Item(Alice,1)".</summary>
    private static byte[] Build(RuntimeMetadata m, string name, ushort? netuid)
    {
        var open = name.IndexOf('(');
        var path = (open < 0 ? name : name[..open]).Split('.');
        var args = open < 0 ? [] : name[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        var entry = m.Storage(path[0], path[1]);
        if (args.Length == 0 && entry.Hashers.Count == 1) args = [netuid!.Value.ToString()];
        var parts = args.Select(a => ushort.TryParse(a, out var n) ? SubtensorStorage.NetUid(n) : Key(a.ToLowerInvariant())).ToArray();
        return StorageKey.For(entry, parts);
    }

    private static byte[] Key(string name) => Hex(PowVectors.GetProperty("keys").GetProperty(name).GetProperty("publicKeyHex").GetString()!);
}

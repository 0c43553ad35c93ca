using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.Subtensor;

public class MetadataDecoderTests
{
    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Every_file_decodes_to_its_stated_version_and_runtime(string file)
    {
        var m = MetadataFiles.Get(file);
        Assert.Equal(MetadataFiles.VersionOf(file), m.Version);
        // System.Version is a constant decoded by the metadata's own type: it names the runtime the file came from.
        var version = m.DecodeConstant("System", "Version");
        Assert.Equal(MetadataFiles.SpecOf(file), (uint)version["spec_version"].AsBigInteger());
        Assert.Equal("node-subtensor", ((ScaleText)version["spec_name"].Unwrapped()).Value);
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Register_is_pallet_7_call_6_with_the_spec_arguments(string file)
    {
        var m = MetadataFiles.Get(file);
        Assert.Equal(7, m.Pallet("SubtensorModule").Index);
        var register = m.Call("SubtensorModule", "register");
        Assert.Equal(7, register.PalletIndex);
        Assert.Equal(6, register.CallIndex);
        Assert.Equal(["netuid", "block_number", "nonce", "work", "hotkey", "coldkey"], register.Arguments.Select(a => a.Name));
        Assert.Equal("Vec<u8>", m.Types.Describe(register.Arguments[3].TypeId));
        Assert.Equal("AccountId32", m.Types.Describe(register.Arguments[4].TypeId));
    }

    // What the files say: the faucet (call 60) is compiled into every V14/V15 runtime we hold, and gone from the V16 Finney ones.
    [Theory]
    [InlineData("subtensor-spec165-v15.scale", true)]
    [InlineData("raonet-spec218-v14.scale", true)]
    [InlineData("finney-spec219-v14.scale", true)]
    [InlineData("testnet-spec233-v14.scale", true)]
    [InlineData("finney-spec365-v16.scale", false)]
    [InlineData("finney-spec393-v16.scale", false)]
    public void Faucet_presence_per_runtime(string file, bool present)
    {
        var faucet = MetadataFiles.Get(file).TryGetCall("SubtensorModule", "faucet");
        Assert.Equal(present, faucet is not null);
        if (faucet is null) return;
        Assert.Equal(60, faucet.CallIndex);
        Assert.Equal(["block_number", "nonce", "work"], faucet.Arguments.Select(a => a.Name));
    }

    // CheckMetadataHash decides the extra mode byte (SPEC §5); only the oldest runtime lacks it.
    [Theory]
    [InlineData("subtensor-spec165-v15.scale", false)]
    [InlineData("raonet-spec218-v14.scale", true)]
    [InlineData("finney-spec219-v14.scale", true)]
    [InlineData("testnet-spec233-v14.scale", true)]
    [InlineData("finney-spec365-v16.scale", true)]
    [InlineData("finney-spec393-v16.scale", true)]
    public void CheckMetadataHash_presence_per_runtime(string file, bool present)
    {
        var m = MetadataFiles.Get(file);
        Assert.Equal(present, m.HasCheckMetadataHash);
        Assert.Equal("CheckNonZeroSender", m.SignedExtensions[0].Identifier);
        if (present) Assert.Equal("CheckMetadataHash", m.SignedExtensions[^1].Identifier);
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Extension_lists_match_the_metadata_version(string file)
    {
        var m = MetadataFiles.Get(file);
        // V16 describes signed v4 and general v5 extrinsics; extension version 0 uses every extension, in order.
        Assert.Equal(m.Version == 16 ? [4, 5] : new byte[] { 4 }, m.Extrinsic.Versions);
        Assert.Equal(Enumerable.Range(0, m.SignedExtensions.Count), m.Extrinsic.ExtensionsByVersion[0]);
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Spec_section_4_items_have_the_spec_hashers(string file)
    {
        var m = MetadataFiles.Get(file);
        void Check(string pallet, string item, params StorageHasher[] hashers) =>
            Assert.Equal(hashers, m.Storage(pallet, item).Hashers);
        Check("SubtensorModule", "NetworksAdded", StorageHasher.Identity);
        Check("SubtensorModule", "Difficulty", StorageHasher.Identity);
        Check("SubtensorModule", "NetworkPowRegistrationAllowed", StorageHasher.Identity);
        Check("SubtensorModule", "NetworkRegistrationAllowed", StorageHasher.Identity);
        Check("SubtensorModule", "Uids", StorageHasher.Identity, StorageHasher.Blake2_128Concat);
        Check("SubtensorModule", "IsNetworkMember", StorageHasher.Blake2_128Concat, StorageHasher.Identity);
        foreach (var item in new[] { "RegistrationsThisBlock", "MaxRegistrationsPerBlock", "RegistrationsThisInterval",
            "TargetRegistrationsPerInterval" })
        {
            Check("SubtensorModule", item, StorageHasher.Identity);
            Assert.Equal("u16", m.Types.Describe(m.Storage("SubtensorModule", item).ValueTypeId));
        }
        Check("System", "Account", StorageHasher.Blake2_128Concat);
        Assert.Equal(StorageModifier.Optional, m.Storage("SubtensorModule", "Uids").Modifier);
        Assert.Equal("(u16, AccountId32)", m.Types.Describe(m.Storage("SubtensorModule", "Uids").KeyTypeId!.Value));
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Difficulty_defaults_to_ten_million_everywhere(string file)
    {
        var m = MetadataFiles.Get(file);
        Assert.Equal(10_000_000UL, Default(m, "Difficulty").AsUInt64());
    }

    // Defaults that changed between runtimes: why a null storage reply must use the metadata's default.
    [Theory]
    [InlineData("subtensor-spec165-v15.scale", 4096, false, 1_000_000_000)]
    [InlineData("raonet-spec218-v14.scale", 4096, false, 1_000_000_000)]
    [InlineData("finney-spec219-v14.scale", 4096, false, 1_000_000_000)]
    [InlineData("testnet-spec233-v14.scale", 4096, false, 1_000_000_000)]
    [InlineData("finney-spec365-v16.scale", 4096, true, 100_000_000)]
    [InlineData("finney-spec393-v16.scale", 256, true, 100_000_000)]
    public void Defaults_that_changed_between_runtimes(string file, int maxAllowedUids, bool registrationAllowed, long burn)
    {
        var m = MetadataFiles.Get(file);
        Assert.Equal(maxAllowedUids, Default(m, "MaxAllowedUids").AsUInt16());
        Assert.Equal(registrationAllowed, Default(m, "NetworkPowRegistrationAllowed").AsBool());
        Assert.Equal(registrationAllowed, Default(m, "NetworkRegistrationAllowed").AsBool());
        Assert.Equal((ulong)burn, Default(m, "Burn").AsUInt64());
    }

    [Fact]
    public void Raonet_genesis_runtime_allows_more_registrations_per_block_by_default()
    {
        Assert.Equal(4, Default(MetadataFiles.Get("raonet-spec218-v14.scale"), "MaxRegistrationsPerBlock").AsUInt16());
        Assert.Equal(1, Default(MetadataFiles.Get("finney-spec219-v14.scale"), "MaxRegistrationsPerBlock").AsUInt16());
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Every_constant_and_every_default_decodes_by_its_type(string file)
    {
        // A broad check of the value decoder: each of these must consume its bytes exactly.
        var m = MetadataFiles.Get(file);
        int decoded = 0;
        foreach (var pallet in m.Pallets)
        {
            foreach (var c in pallet.Constants) { ScaleValueDecoder.DecodeAll(m.Types, c.TypeId, c.Value); decoded++; }
            foreach (var e in pallet.Storage.Where(e => e.Modifier == StorageModifier.Default))
            { ScaleValueDecoder.DecodeAll(m.Types, e.ValueTypeId, e.Default); decoded++; }
        }
        Assert.True(decoded > 100, $"only {decoded} values");
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void Register_errors_resolve_from_module_and_error_index(string file)
    {
        var m = MetadataFiles.Get(file);
        foreach (var name in new[] { "HotKeyAlreadyRegisteredInSubNet", "InvalidWorkBlock", "InvalidDifficulty", "InvalidSeal" })
        {
            var byName = m.TryGetError("SubtensorModule", name);
            Assert.NotNull(byName);
            var byIndex = m.TryGetError(byName.PalletIndex, byName.ErrorIndex)!;
            Assert.Equal(name, byIndex.Name);
            Assert.Equal("SubtensorModule", byIndex.Pallet);
            Assert.NotEmpty(byIndex.Docs);
        }
        Assert.Null(m.TryGetError(7, 255));
    }

    [Theory, MemberData(nameof(MetadataFiles.All), MemberType = typeof(MetadataFiles))]
    public void System_events_are_reachable_for_decoding(string file)
    {
        var m = MetadataFiles.Get(file);
        var events = m.Storage("System", "Events");
        Assert.Equal("Vec<EventRecord>", m.Types.Describe(events.ValueTypeId));
        Assert.Contains(m.Events("System"), e => e.Name == "ExtrinsicFailed");
        Assert.Contains(m.Events("SubtensorModule"), e => e.Name == "NeuronRegistered");
        if (m.Version >= 15) Assert.Equal("RuntimeEvent", m.Types.Describe(m.OuterEventTypeId!.Value));
    }

    [Fact]
    public void Option_and_vec_wrapped_metadata_decode_like_the_raw_blob()
    {
        var raw = MetadataFiles.Bytes("raonet-spec218-v14.scale");
        var vec = new ScaleWriter().Bytes(raw).ToArray();
        var option = new ScaleWriter().U8(1).Bytes(raw).ToArray();
        foreach (var form in new[] { vec, option })
        {
            var m = MetadataDecoder.Decode(form);
            Assert.Equal(MetadataFiles.Get("raonet-spec218-v14.scale").Pallets.Select(p => p.Name), m.Pallets.Select(p => p.Name));
        }
    }

    [Fact]
    public void None_and_garbage_are_clear_errors()
    {
        Assert.Contains("None", Assert.Throws<MetadataFormatException>(() => MetadataDecoder.Decode([0])).Message);
        Assert.Contains("magic", Assert.Throws<MetadataFormatException>(() => MetadataDecoder.Decode([1, 2, 3, 4, 5, 6])).Message);
        var raw = MetadataFiles.Bytes("raonet-spec218-v14.scale");
        Assert.Contains("truncated", Assert.Throws<MetadataFormatException>(() => MetadataDecoder.Decode(raw.AsSpan(0, raw.Length / 2))).Message);
        var v13 = raw.ToArray();
        v13[4] = 13;
        Assert.Contains("V13", Assert.Throws<MetadataFormatException>(() => MetadataDecoder.Decode(v13)).Message);
    }

    [Fact]
    public void Missing_items_are_lookup_errors_that_name_them()
    {
        var m = MetadataFiles.Get("finney-spec393-v16.scale");
        Assert.Contains("SubtensorModule.faucet", Assert.Throws<MetadataLookupException>(() => m.Call("SubtensorModule", "faucet")).Message);
        Assert.Contains("NoSuchPallet", Assert.Throws<MetadataLookupException>(() => m.Pallet("NoSuchPallet")).Message);
        Assert.Contains("SubtensorModule.Nope", Assert.Throws<MetadataLookupException>(() => m.Storage("SubtensorModule", "Nope")).Message);
    }

    private static ScaleValue Default(RuntimeMetadata m, string item)
    {
        var e = m.Storage("SubtensorModule", item);
        Assert.Equal(StorageModifier.Default, e.Modifier);
        return ScaleValueDecoder.DecodeAll(m.Types, e.ValueTypeId, e.Default);
    }
}

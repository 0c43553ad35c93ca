using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using BittensorPow.Tests.Subtensor;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// The finney profile's metadata: Finney's spec-393 file plus exactly what spec 475's pow_register needs, with the
/// indices, types, hashers and defaults spec 475's pallet code declares (SPEC §10), and every other byte kept.
/// </summary>
public class Finney475PatchTests
{
    private const string Pallet = "SubtensorModule";
    private const string File393 = "finney-spec393-v16.scale";

    private static readonly byte[] Original = MetadataFiles.Bytes(File393);
    private static readonly byte[] Patched = Finney475Patch.Apply(Original);

    [Fact]
    public void PowRegisterIsCall152WithSpec475sArgumentTypes()
    {
        var m = MetadataDecoder.Decode(Patched);
        var call = m.Call(Pallet, "pow_register");
        Assert.Equal((7, 152), ((int)call.PalletIndex, (int)call.CallIndex));
        Assert.Equal(["netuid", "work_block", "nonce", "work", "hotkey"], call.Arguments.Select(a => a.Name));
        Assert.Equal(["NetUid", "u64", "u64", "[u8; 32]", "AccountId32"], call.Arguments.Select(a => m.Types.Describe(a.TypeId)));
        Assert.Equal(["NetUid", "u64", "u64", "[u8; 32]", "T::AccountId"], call.Arguments.Select(a => a.TypeName));
        var netuid = m.Types[call.Arguments[0].TypeId];
        Assert.Equal("subtensor_runtime_common::NetUid", netuid.PathText);
        Assert.Equal(new PrimitiveDef(PrimitiveKind.U16), m.Types[((CompositeDef)netuid.Def).Fields.Single().TypeId].Def);
        Assert.Equal(MetadataFiles.Get(File393).Types.Count, netuid.Id);   // the one type added, at the end

        var limit = m.Call(Pallet, "register_limit");   // 475 lists it too
        Assert.Equal(134, limit.CallIndex);
        Assert.Equal(["netuid", "hotkey", "limit_price"], limit.Arguments.Select(a => a.Name));
        Assert.Equal([netuid.Id, call.Arguments[4].TypeId, call.Arguments[1].TypeId], limit.Arguments.Select(a => a.TypeId));
        Assert.Null(m.TryGetCall(Pallet, "faucet"));
    }

    [Fact]
    public void APowRegisterCallRoundTripsThroughThePatchedCallEnum()
    {
        // The bytes the pallet expects (SPEC §10: u16, u64, u64, [u8; 32], AccountId32 after pallet 7, call 152)
        // decode by the patched enum to pow_register's fields, and encode back to the same bytes.
        var m = MetadataDecoder.Decode(Patched);
        byte[] work = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
        byte[] hotkey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];
        byte[] call = new ScaleWriter().U8(7).U8(152).U16(3).U64(9_234_811).U64(ulong.MaxValue - 1).Raw(work).Raw(hotkey).ToArray();
        Assert.Equal(2 + 2 + 8 + 8 + 32 + 32, call.Length);

        int callEnum = m.Pallet(Pallet).CallTypeId!.Value;
        var decoded = Assert.IsType<ScaleVariant>(ScaleValueDecoder.DecodeAll(m.Types, callEnum, call.AsSpan(1)));
        Assert.Equal(("pow_register", (byte)152), (decoded.Name, decoded.Index));
        Assert.Equal((ushort)3, decoded["netuid"].AsUInt16());
        Assert.Equal(9_234_811ul, decoded["work_block"].AsUInt64());
        Assert.Equal(ulong.MaxValue - 1, decoded["nonce"].AsUInt64());
        Assert.Equal(work, decoded["work"].AsBytes());
        Assert.Equal(hotkey, decoded["hotkey"].AsBytes());
        Assert.Equal(call.AsSpan(1).ToArray(), ScaleValueEncoder.Encode(m.Types, callEnum, decoded));
        // One byte short is not a pow_register.
        Assert.ThrowsAny<Exception>(() => ScaleValueDecoder.DecodeAll(m.Types, callEnum, call.AsSpan(1, call.Length - 2)));
    }

    [Fact]
    public void EveryErrorAndStorageItemOfSection10IsListed()
    {
        // SPEC §10's checks, in order, name these errors; its storage these items (key and value types as there).
        var m = MetadataDecoder.Decode(Patched);
        string[] errors = ["RegistrationNotPermittedOnRootSubnet", "SubnetNotExists", "SubNetRegistrationDisabled",
            "HotKeyAlreadyRegisteredInSubNet", "NoNeuronIdAvailable", "TooManyRegistrationsThisBlock", "InvalidWorkBlock",
            "InvalidSeal", "InvalidDifficulty", "CannotUseSystemAccount", "NonAssociatedColdKey", "TooManyStakingHotkeys"];
        Assert.Equal(errors, errors.Where(e => m.TryGetError(Pallet, e) is not null));
        Assert.Equal(errors.Length, errors.Select(e => m.TryGetError(Pallet, e)!.ErrorIndex).Distinct().Count());

        (string Name, string Key, string Value)[] storage =
        [
            ("NetworkPowRegistrationAllowed", "u16", "bool"), ("LastPowRegistrationBlock", "AccountId32", "u64"),
            ("Difficulty", "u16", "u64"), ("MinDifficulty", "u16", "u64"), ("MaxDifficulty", "u16", "u64"),
            ("RegistrationsThisBlock", "u16", "u16"), ("MaxRegistrationsPerBlock", "u16", "u16"), ("BurnHalfLife", "u16", "u16"),
            ("Owner", "AccountId32", "AccountId32"), ("OwnedHotkeys", "AccountId32", "Vec<AccountId32>"),
            ("StakingHotkeys", "AccountId32", "Vec<AccountId32>"), ("MaxAllowedUids", "u16", "u16"),
        ];
        Assert.Equal(storage, storage.Select(s => m.Storage(Pallet, s.Name))
            .Select(e => (e.Name, m.Types.Describe(e.KeyTypeId!.Value), m.Types.Describe(e.ValueTypeId))));
        Assert.Equal(BitConverter.GetBytes((ushort)1), m.Storage(Pallet, "MaxRegistrationsPerBlock").Default);
    }

    [Fact]
    public void TheErrorsStorageAndConstantItNeedsAreThereWithSpec475sValues()
    {
        var m = MetadataDecoder.Decode(Patched);
        Assert.Equal(136, m.TryGetError(Pallet, "RegistrationPriceLimitExceeded")!.ErrorIndex);
        Assert.Equal(141, m.TryGetError(Pallet, "CannotUseSystemAccount")!.ErrorIndex);
        Assert.Equal(163, m.TryGetError(Pallet, "TooManyStakingHotkeys")!.ErrorIndex);

        var last = m.Storage(Pallet, "LastPowRegistrationBlock");
        Assert.Equal((StorageModifier.Optional, StorageHasher.Blake2_128Concat), (last.Modifier, last.Hashers.Single()));
        Assert.Equal(("AccountId32", "u64"), (m.Types.Describe(last.KeyTypeId!.Value), m.Types.Describe(last.ValueTypeId)));
        Assert.Equal([0], last.Default);   // None
        var halfLife = m.Storage(Pallet, "BurnHalfLife");
        Assert.Equal((StorageModifier.Default, StorageHasher.Identity), (halfLife.Modifier, halfLife.Hashers.Single()));
        Assert.Equal("u16", m.Types.Describe(halfLife.ValueTypeId));
        Assert.Equal(BitConverter.GetBytes((ushort)360), halfLife.Default);
        var mult = m.Storage(Pallet, "BurnIncreaseMult");
        Assert.Equal((StorageModifier.Default, StorageHasher.Identity), (mult.Modifier, mult.Hashers.Single()));
        Assert.Equal(64, RegistryLookup.Typenum(m.Types, m.Types[mult.ValueTypeId].Parameters.Single().TypeId!.Value));   // U64F64
        Assert.Equal("0090c2f5285c8f420100000000000000", Convert.ToHexStringLower(mult.Default));   // 1.26
        Assert.Equal(1.26, (double)new ScaleReader(mult.Default).U128() / Math.Pow(2, 64), 12);
        int netuidKey = m.Storage(Pallet, "Difficulty").KeyTypeId!.Value;
        Assert.Equal((netuidKey, netuidKey), (halfLife.KeyTypeId!.Value, mult.KeyTypeId!.Value));

        Assert.Equal([0], m.Storage(Pallet, "NetworkPowRegistrationAllowed").Default);   // off by default from 475
        Assert.Equal([1], MetadataFiles.Get(File393).Storage(Pallet, "NetworkPowRegistrationAllowed").Default);
        Assert.Equal(BitConverter.GetBytes(ulong.MaxValue / 4), m.Storage(Pallet, "MaxDifficulty").Default);   // 393's already
        Assert.Equal(BitConverter.GetBytes(10_000_000ul), m.Storage(Pallet, "MinDifficulty").Default);
        Assert.Equal("subtensr"u8.ToArray(), m.Pallet(Pallet).Constants.Single(c => c.Name == "SubtensorPalletId").Value);
    }

    [Fact]
    public void NothingElseChangesInTheDecodedMetadata()
    {
        var before = MetadataFiles.Get(File393);
        var after = MetadataDecoder.Decode(Patched);
        Assert.Equal(before.Types.Count + 1, after.Types.Count);
        Assert.Equal(before.Pallets.Select(p => (p.Name, p.Index)), after.Pallets.Select(p => (p.Name, p.Index)));
        Assert.Equal(before.SignedExtensions, after.SignedExtensions);
        Assert.Equal(before.Extrinsic.Versions, after.Extrinsic.Versions);

        Assert.Equal(["register_limit", "pow_register"], Names(after.Calls(Pallet)).Except(Names(before.Calls(Pallet))));
        Assert.Equal(["RegistrationPriceLimitExceeded", "CannotUseSystemAccount", "TooManyStakingHotkeys"],
            Cases(after, Pallet, p => p.ErrorTypeId).Select(v => v.Name).Except(Cases(before, Pallet, p => p.ErrorTypeId).Select(v => v.Name)));
        Assert.Equal(["LastPowRegistrationBlock", "BurnHalfLife", "BurnIncreaseMult"],
            after.Pallet(Pallet).Storage.Select(s => s.Name).Except(before.Pallet(Pallet).Storage.Select(s => s.Name)));
        Assert.Equal(["SubtensorPalletId"],
            after.Pallet(Pallet).Constants.Select(c => c.Name).Except(before.Pallet(Pallet).Constants.Select(c => c.Name)));

        // Every item the file had is as it was (calls, errors, events by index; storage by hasher, type and default;
        // constants by value), in every pallet, but NetworkPowRegistrationAllowed's default.
        foreach (var p in before.Pallets)
        {
            var q = after.Pallet(p.Name);
            Assert.Equal(Cases(before, p.Name, x => x.CallTypeId).Select(Key),
                Cases(after, p.Name, x => x.CallTypeId).Select(Key).Take(CountOf(before, p.Name, x => x.CallTypeId)));
            Assert.Equal(Cases(before, p.Name, x => x.ErrorTypeId).Select(Key),
                Cases(after, p.Name, x => x.ErrorTypeId).Select(Key).Take(CountOf(before, p.Name, x => x.ErrorTypeId)));
            Assert.Equal(Cases(before, p.Name, x => x.EventTypeId).Select(Key), Cases(after, p.Name, x => x.EventTypeId).Select(Key));
            Assert.Equal(p.Storage.Where(s => s.Name != "NetworkPowRegistrationAllowed").Select(Key),
                q.Storage.Where(s => p.Storage.Any(o => o.Name == s.Name) && s.Name != "NetworkPowRegistrationAllowed").Select(Key));
            Assert.Equal(p.Constants.Select(c => (c.Name, c.TypeId, Convert.ToHexString(c.Value))),
                q.Constants.Take(p.Constants.Count).Select(c => (c.Name, c.TypeId, Convert.ToHexString(c.Value))));
        }
    }

    [Fact]
    public void EveryOtherByteIsFinney393s()
    {
        var plan = Finney475Patch.Plan(Original);
        Assert.Equal(Patched, MetadataEdit.ApplyAll(Original, plan));

        // The only bytes of the file replaced: five item counts, each raised by what is inserted after it, and the
        // one default byte; everything else the patch does is an insertion.
        var replaced = plan.Where(e => e.Length > 0).ToList();
        Assert.Equal(6, replaced.Count);
        var counts = replaced.Where(e => e.What.Contains("count")).Select(e =>
            (Before: (int)new ScaleReader(Original.AsSpan(e.Offset, e.Length)).Compact(), After: (int)new ScaleReader(e.Insert).Compact())).ToList();
        var before = MetadataFiles.Get(File393);
        var pallet = before.Pallet(Pallet);
        Assert.Equal(
        [
            (before.Types.Count, before.Types.Count + 1),
            (Cases(before, Pallet, p => p.CallTypeId).Count, Cases(before, Pallet, p => p.CallTypeId).Count + 2),
            (Cases(before, Pallet, p => p.ErrorTypeId).Count, Cases(before, Pallet, p => p.ErrorTypeId).Count + 3),
            (pallet.Storage.Count, pallet.Storage.Count + 3),
            (pallet.Constants.Count, pallet.Constants.Count + 1),
        ], counts);
        var flag = replaced.Single(e => !e.What.Contains("count"));
        Assert.Equal((1, (byte)1), (flag.Length, Original[flag.Offset]));
        Assert.Equal([0], flag.Insert);

        int inserted = plan.Sum(e => e.Insert.Length) - plan.Sum(e => e.Length);
        Assert.Equal(Original.Length + inserted, Patched.Length);
        Assert.True(inserted < 2048, $"{inserted} bytes inserted");
    }

    [Fact]
    public void AFileThatAlreadyListsPowRegisterIsLeftAlone()
    {
        Assert.Empty(Finney475Patch.Plan(Patched));
        Assert.Same(Patched, Finney475Patch.Apply(Patched));
    }

    [Fact]
    public void ThePatchRefusesACallIndexThatIsTaken()
    {
        // A file whose call 152 is something else must not get a second 152.
        var m = MetadataFiles.Get(File393);
        var squatter = new VariantCase("squatter", 152, [], []);
        byte[] taken = EnumVariantSplice.Append(Original, m.Pallet(Pallet).CallTypeId!.Value, squatter);
        var e = Assert.Throws<InvalidDataException>(() => Finney475Patch.Apply(taken));
        Assert.Contains("152", e.Message);
    }

    private static IEnumerable<string> Names(IEnumerable<CallInfo> calls) => calls.Select(c => c.Name);

    private static string Key(VariantCase v) => $"{v.Name}@{v.Index}({string.Join(",", v.Fields.Select(f => $"{f.Name}:{f.TypeId}"))})";

    private static string Key(StorageEntry s)
        => $"{s.Name} {s.Modifier} {string.Join(",", s.Hashers)} {s.KeyTypeId} {s.ValueTypeId} {Convert.ToHexString(s.Default)}";

    private static int CountOf(RuntimeMetadata m, string pallet, Func<PalletInfo, int?> enumOf) => Cases(m, pallet, enumOf).Count;

    private static IReadOnlyList<VariantCase> Cases(RuntimeMetadata m, string pallet, Func<PalletInfo, int?> enumOf)
        => enumOf(m.Pallet(pallet)) is int id ? ((VariantDef)m.Types[id].Def).Variants : [];
}

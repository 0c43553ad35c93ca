using BittensorPow.Subtensor.Metadata;
using static BittensorPow.DevNode.Runtime.MetadataItemEncoding;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Makes a recorded metadata file (Finney spec 393, the newest one we hold) list what spec 475's fee-free
/// <c>pow_register</c> needs (SPEC §10), with the names, indices, types, hashers and defaults the spec-475 pallet code
/// declares: the call at 152 (and register_limit at 134, which 475 also lists), the errors it raises that the file
/// lacks, at their 475 indices, the storage items LastPowRegistrationBlock, BurnHalfLife and BurnIncreaseMult,
/// NetworkPowRegistrationAllowed off by default, the SubtensorPalletId constant (subnet system accounts) and the
/// NetUid(u16) newtype of the calls' netuid. Items the file already has keep the file's indices and types. Everything
/// is inserted, or changed in place, as a list of <see cref="MetadataEdit"/>s against the original: every other byte
/// of the file, docs included, is kept.
/// </summary>
public static class Finney475Patch
{
    private const string Pallet = RegisterLimitPatch.Pallet;
    public const string CallName = "pow_register";
    public const byte CallIndex = 152;
    public const string NetUidPath = "subtensor_runtime_common::NetUid";

    /// <summary>"subtensr": 475's SubtensorModule.SubtensorPalletId.</summary>
    public static ReadOnlySpan<byte> SubtensorPalletId => "subtensr"u8;

    /// <summary>1.26 as U64F64 bits, BurnIncreaseMult's 475 default (substrate_fixed's conversion of the f64 1.26).</summary>
    public static readonly UInt128 BurnIncreaseMultDefault = new(1, 0x428F_5C28_F5C2_9000);

    /// <summary>BurnHalfLife's 475 default, in blocks.</summary>
    public const ushort BurnHalfLifeDefault = 360;

    /// <summary>The errors pow_register raises that 393 lacks, at their 475 indices.</summary>
    public static readonly IReadOnlyList<(string Name, byte Index, string Doc)> Errors =
    [
        (RegisterLimitPatch.ErrorName, 136, "Registration Price Limit Exceeded"),
        ("CannotUseSystemAccount", 141, "The hotkey is a subnet system account."),
        ("TooManyStakingHotkeys", 163, "The coldkey already stakes to or owns the maximum number of hotkeys."),
    ];

    /// <summary>The patched blob; the blob itself when it already lists pow_register.</summary>
    public static byte[] Apply(byte[] metadata) => Plan(metadata) is { Count: > 0 } plan ? MetadataEdit.ApplyAll(metadata, plan) : metadata;

    /// <summary>The edits against <paramref name="metadata"/>; none when it already lists pow_register.</summary>
    public static IReadOnlyList<MetadataEdit> Plan(byte[] metadata)
    {
        var m = MetadataDecoder.Decode(metadata);
        if (m.TryGetCall(Pallet, CallName) is not null) return [];
        var (callEnum, errorEnum) = RegisterLimitPatch.Enums(m);
        var (netUid, edits) = NetUid(metadata, m.Types);

        List<VariantCase> calls = m.TryGetCall(Pallet, RegisterLimitPatch.CallName) is null ? [RegisterLimit(m, netUid)] : [];
        calls.Add(Call(m, netUid));
        edits.AddRange(EnumVariantSplice.Edits(metadata, callEnum, calls, $"{Pallet} calls"));
        edits.AddRange(EnumVariantSplice.Edits(metadata, errorEnum, MissingErrors(m, errorEnum), $"{Pallet} errors"));
        edits.AddRange(Storage(metadata, m));
        edits.AddRange(Constant(metadata, m));
        return edits;
    }

    /// <summary>register_limit as <see cref="RegisterLimitPatch"/> adds it, but with 475's NetUid for its netuid.</summary>
    private static VariantCase RegisterLimit(RuntimeMetadata m, int netUid)
    {
        var call = RegisterLimitPatch.Call(m);
        return call with { Fields = [.. call.Fields.Select(f => f.Name == "netuid" ? f with { TypeId = netUid, TypeName = "NetUid" } : f)] };
    }

    /// <summary>pow_register(netuid: NetUid, work_block: u64, nonce: u64, work: [u8; 32], hotkey: AccountId32), type names as in 475.</summary>
    private static VariantCase Call(RuntimeMetadata m, int netUid)
    {
        var burned = RegisterLimitPatch.CallsWithFreeIndex(m, CallIndex).ByName("burned_register")
            ?? throw new InvalidDataException($"{Pallet} has no burned_register to take the hotkey type from.");
        int u64 = RegistryLookup.Primitive(m.Types, PrimitiveKind.U64);
        return new VariantCase(CallName, CallIndex,
        [
            new FieldDef("netuid", netUid, "NetUid"),
            new FieldDef("work_block", u64, "u64"),
            new FieldDef("nonce", u64, "u64"),
            new FieldDef("work", RegistryLookup.ByteArray(m.Types, 32), "[u8; 32]"),
            RegisterLimitPatch.Field(burned, "hotkey"),
        ],
        ["Register a hotkey by proof of work on a recent block, signed by its coldkey, without a fee (SPEC §10)."]);
    }

    /// <summary>The NetUid(u16) newtype: the file's own if it has one, else appended to the registry (two edits).</summary>
    private static (int Id, List<MetadataEdit> Edits) NetUid(byte[] metadata, TypeRegistry types)
    {
        if (RegistryLookup.ByPath(types, NetUidPath) is int existing) return (existing, []);
        var (count, end) = RegistryWalk.Registry(metadata);
        if (types.All.Max(t => t.Id) != count.Value - 1) throw new InvalidDataException("The type registry's ids are not 0..count-1.");
        int id = count.Value;
        return (id,
        [
            new(count.Start, count.End - count.Start, CompactBytes(count.Value + 1), $"type registry: count {count.Value} -> {count.Value + 1}"),
            new(end, 0, Newtype(id, NetUidPath.Split("::"), RegistryLookup.Primitive(types, PrimitiveKind.U16), "u16"),
                $"type registry: + #{id} {NetUidPath}(u16)"),
        ]);
    }

    private static List<VariantCase> MissingErrors(RuntimeMetadata m, int errorEnum)
    {
        var errors = (VariantDef)m.Types[errorEnum].Def;
        var missing = Errors.Where(e => errors.ByName(e.Name) is null).ToList();
        foreach (var (name, index, _) in missing)
            if (errors.ByIndex(index) is { } taken)
                throw new InvalidDataException($"{Pallet} error index {index} (for {name}) is already {taken.Name}.");
        return [.. missing.Select(e => new VariantCase(e.Name, e.Index, [], [e.Doc]))];
    }

    /// <summary>
    /// LastPowRegistrationBlock after NetworkPowRegistrationAllowed, BurnHalfLife and BurnIncreaseMult after
    /// MechanismEmissionSplit (where 475 has them; at the end when that entry is absent); NetworkPowRegistrationAllowed
    /// defaults to false. Netuid keys use the key type the file's Difficulty uses, as its other per-subnet items do.
    /// </summary>
    private static List<MetadataEdit> Storage(byte[] metadata, RuntimeMetadata m)
    {
        var layout = PalletWalk.Find(metadata, Pallet);
        int version = metadata[4];
        int netuidKey = m.Storage(Pallet, "Difficulty").KeyTypeId!.Value;
        int account = m.Storage(Pallet, "Owner").KeyTypeId!.Value;
        List<(string After, byte[] Entry, string Name)> added = [];
        if (m.TryGetStorage(Pallet, "LastPowRegistrationBlock") is null)
            added.Add(("NetworkPowRegistrationAllowed", StorageMap(version, "LastPowRegistrationBlock", StorageModifier.Optional,
                StorageHasher.Blake2_128Concat, account, RegistryLookup.Primitive(m.Types, PrimitiveKind.U64), [0],
                "The last work block a hotkey registered with by pow_register (a replay watermark across all subnets)."),
                "LastPowRegistrationBlock"));
        if (m.TryGetStorage(Pallet, "BurnHalfLife") is null)
            added.Add(("MechanismEmissionSplit", StorageMap(version, "BurnHalfLife", StorageModifier.Default, StorageHasher.Identity,
                netuidKey, RegistryLookup.Primitive(m.Types, PrimitiveKind.U16), BitConverter.GetBytes(BurnHalfLifeDefault),
                "Blocks over which the burn and the PoW difficulty decay to half."), "BurnHalfLife"));
        if (m.TryGetStorage(Pallet, "BurnIncreaseMult") is null)
        {
            var bits = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bits, BurnIncreaseMultDefault);
            added.Add(("MechanismEmissionSplit", StorageMap(version, "BurnIncreaseMult", StorageModifier.Default, StorageHasher.Identity,
                netuidKey, RegistryLookup.FixedU128(m.Types, 64), bits,
                "The factor (U64F64) the burn and the PoW difficulty are multiplied by after a registration."), "BurnIncreaseMult"));
        }

        List<MetadataEdit> edits = [];
        var count = layout.StorageCount ?? throw new InvalidDataException($"{Pallet} has no storage in this metadata.");
        if (added.Count > 0)
            edits.Add(new(count.Start, count.End - count.Start, CompactBytes(count.Value + added.Count),
                $"{Pallet} storage: entry count {count.Value} -> {count.Value + added.Count}"));
        foreach (var (after, entry, name) in added)
        {
            var neighbour = layout.Storage.FirstOrDefault(e => e.Name == after);
            edits.Add(new(neighbour?.End ?? layout.StorageEnd, 0, entry, $"{Pallet} storage: + {name} after {neighbour?.Name ?? "the last entry"}"));
        }
        if (layout.Storage.FirstOrDefault(e => e.Name == "NetworkPowRegistrationAllowed") is { ValueLength: 1 } allowed
            && metadata[allowed.ValueStart] == 1)
            edits.Add(new(allowed.ValueStart, 1, [0], $"{Pallet} storage: NetworkPowRegistrationAllowed default true -> false"));
        return edits;
    }

    private static List<MetadataEdit> Constant(byte[] metadata, RuntimeMetadata m)
    {
        if (m.Pallet(Pallet).Constants.Any(c => c.Name == "SubtensorPalletId")) return [];
        var layout = PalletWalk.Find(metadata, Pallet);
        int palletId = RegistryLookup.ByPath(m.Types, "frame_support::PalletId")
            ?? throw new InvalidDataException("The metadata has no frame_support::PalletId type to reuse.");
        var count = layout.ConstantCount;
        return
        [
            new(count.Start, count.End - count.Start, CompactBytes(count.Value + 1), $"{Pallet} constants: count {count.Value} -> {count.Value + 1}"),
            new(layout.ConstantsEnd, 0, MetadataItemEncoding.Constant(metadata[4], "SubtensorPalletId", palletId, SubtensorPalletId.ToArray(),
                "The pallet id subnet system accounts are derived from."), $"{Pallet} constants: + SubtensorPalletId"),
        ];
    }

    private static byte[] CompactBytes(int value) => new Subtensor.Scale.ScaleWriter().Compact((ulong)value).ToArray();
}

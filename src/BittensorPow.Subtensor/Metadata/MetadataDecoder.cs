using static BittensorPow.Subtensor.Metadata.MetadataReading;

namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// Decodes <c>RuntimeMetadataPrefixed</c> (magic "meta", version byte, then V14, V15 or V16) into
/// <see cref="RuntimeMetadata"/>. The layouts follow frame-metadata; the three versions differ in pallet docs (V15+),
/// deprecation info and view functions (V16), and the extrinsic description.
/// </summary>
public static class MetadataDecoder
{
    /// <summary>"meta" as a little-endian u32, the first four bytes of every metadata blob.</summary>
    public const uint Magic = 0x6174656d;

    /// <summary>
    /// Accepts the raw blob (what <c>state_getMetadata</c> returns), a <c>Vec&lt;u8&gt;</c>-wrapped blob
    /// (<c>OpaqueMetadata</c>), or an <c>Option&lt;OpaqueMetadata&gt;</c> (what <c>Metadata_metadata_at_version</c> returns).
    /// </summary>
    public static RuntimeMetadata Decode(ReadOnlySpan<byte> bytes) => DecodeRaw(Unwrap(bytes));

    public static RuntimeMetadata Decode(string hex) => Decode(Chain.Text.Hex.Decode(hex));

    /// <summary>Strips the Option / Vec&lt;u8&gt; envelope, if any, and returns the "meta…" bytes.</summary>
    public static ReadOnlySpan<byte> Unwrap(ReadOnlySpan<byte> bytes)
    {
        if (StartsWithMagic(bytes)) return bytes;
        if (bytes.Length == 1 && bytes[0] == 0)
            throw new MetadataFormatException("The runtime returned None: it does not offer the requested metadata version.");
        // Option<Vec<u8>>: 0x01 then the Vec; try it before the bare Vec because 0x01 is also a valid compact (0).
        if (bytes.Length > 1 && bytes[0] == 1 && TryStripVec(bytes[1..], out var inner)) return inner;
        if (TryStripVec(bytes, out inner)) return inner;
        throw new MetadataFormatException(
            $"The metadata does not start with the \"meta\" magic (first bytes: {Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)])}).");
    }

    private static bool StartsWithMagic(ReadOnlySpan<byte> b) =>
        b.Length >= 5 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b) == Magic;

    private static bool TryStripVec(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> inner)
    {
        inner = default;
        try
        {
            var r = new ScaleReader(bytes);
            int length = r.CompactLength();
            if (length != r.Remaining) return false;
            inner = bytes[r.Position..];
            return StartsWithMagic(inner);
        }
        catch (ScaleFormatException) { return false; }
    }

    private static RuntimeMetadata DecodeRaw(ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        r.U32(); // magic, checked by Unwrap
        byte version = r.U8();
        if (version is < 14 or > 16)
            throw new MetadataFormatException($"Runtime metadata V{version} is not supported (V14, V15 and V16 are).");
        try
        {
            var types = TypeRegistry.Read(ref r);
            var pallets = Vec(ref r, (ref ScaleReader x) => ReadPallet(ref x, version));
            var extrinsic = version switch
            {
                14 => ReadExtrinsicV14(ref r),
                15 => ReadExtrinsicV15(ref r),
                _ => ReadExtrinsicV16(ref r),
            };
            int? eventEnum = null, errorEnum = null;
            if (version == 14) TypeId(ref r); // the runtime type, unused
            if (version >= 15)
            {
                if (version == 15) TypeId(ref r);
                SkipRuntimeApis(ref r, version);
                TypeId(ref r); // outer call enum (also in the extrinsic)
                eventEnum = TypeId(ref r);
                errorEnum = TypeId(ref r);
                SkipCustom(ref r);
            }
            if (!r.AtEnd)
                throw new MetadataFormatException($"{r.Remaining} bytes are left after the V{version} metadata; the layout was not understood.");
            return new RuntimeMetadata(version, types, pallets, extrinsic, eventEnum, errorEnum);
        }
        catch (ScaleFormatException e)
        {
            throw new MetadataFormatException($"The V{version} metadata is truncated or malformed: {e.Message}", e);
        }
    }

    internal static PalletInfo ReadPallet(ref ScaleReader r, byte version)
    {
        bool v16 = version >= 16;
        string name = r.Str();
        var storage = Option(ref r, (ref ScaleReader x) => ReadStorage(ref x, v16));
        int? calls = ReadTypeWithDeprecation(ref r, v16);
        int? events = ReadTypeWithDeprecation(ref r, v16);
        var constants = Vec(ref r, (ref ScaleReader x) =>
        {
            var c = new PalletConstant(x.Str(), TypeId(ref x), x.Bytes());
            SkipStrings(ref x);
            if (v16) SkipItemDeprecation(ref x);
            return c;
        });
        int? errors = ReadTypeWithDeprecation(ref r, v16);
        if (v16)
        {
            Vec(ref r, static (ref ScaleReader x) => { x.Str(); TypeId(ref x); SkipStrings(ref x); return 0; }); // associated types
            Vec(ref r, static (ref ScaleReader x) => { SkipViewFunction(ref x); return 0; });
        }
        byte index = r.U8();
        if (version >= 15) SkipStrings(ref r);
        if (v16) SkipItemDeprecation(ref r);
        return new PalletInfo(name, index, storage?.Prefix, storage?.Entries ?? [], calls, events, errors, constants);
    }

    private sealed record StorageBlock(string Prefix, List<StorageEntry> Entries);

    private static StorageBlock ReadStorage(ref ScaleReader r, bool v16)
    {
        string prefix = r.Str();
        var entries = Vec(ref r, (ref ScaleReader x) =>
        {
            string name = x.Str();
            var modifier = x.U8() switch
            {
                0 => StorageModifier.Optional,
                1 => StorageModifier.Default,
                var m => throw new MetadataFormatException($"Unknown storage modifier {m} for {prefix}.{name}."),
            };
            List<StorageHasher> hashers = [];
            int? key = null;
            int value;
            byte kind = x.U8();
            if (kind == 0) value = TypeId(ref x);
            else if (kind == 1)
            {
                hashers = Vec(ref x, static (ref ScaleReader h) =>
                {
                    byte b = h.U8();
                    return b <= (byte)StorageHasher.Identity ? (StorageHasher)b : throw new MetadataFormatException($"Unknown storage hasher {b}.");
                });
                key = TypeId(ref x);
                value = TypeId(ref x);
            }
            else throw new MetadataFormatException($"Unknown storage entry kind {kind} for {prefix}.{name}.");
            byte[] @default = x.Bytes();
            SkipStrings(ref x);
            if (v16) SkipItemDeprecation(ref x);
            return new StorageEntry(prefix, name, modifier, hashers, key, value, @default);
        });
        return new StorageBlock(prefix, entries);
    }

    /// <summary>Option&lt;{ ty }&gt; for calls, events and errors; V16 appends per-variant deprecation info.</summary>
    private static int? ReadTypeWithDeprecation(ref ScaleReader r, bool v16)
    {
        switch (r.U8())
        {
            case 0: return null;
            case 1:
                int id = TypeId(ref r);
                if (v16) SkipEnumDeprecation(ref r);
                return id;
            default: throw new MetadataFormatException($"Invalid Option tag at offset {r.Position - 1}.");
        }
    }

    internal static ExtrinsicInfo ReadExtrinsicV14(ref ScaleReader r)
    {
        TypeId(ref r); // the UncheckedExtrinsic type
        byte version = r.U8();
        var extensions = Vec(ref r, ReadExtension);
        return new ExtrinsicInfo([version], extensions, AllIn(extensions), null);
    }

    internal static ExtrinsicInfo ReadExtrinsicV15(ref ScaleReader r)
    {
        byte version = r.U8();
        TypeId(ref r); // address
        int call = TypeId(ref r);
        TypeId(ref r); // signature
        TypeId(ref r); // extra
        var extensions = Vec(ref r, ReadExtension);
        return new ExtrinsicInfo([version], extensions, AllIn(extensions), call);
    }

    internal static ExtrinsicInfo ReadExtrinsicV16(ref ScaleReader r)
    {
        var versions = Vec(ref r, static (ref ScaleReader x) => x.U8());
        TypeId(ref r); // address
        int call = TypeId(ref r);
        TypeId(ref r); // signature
        var byVersion = new Dictionary<byte, IReadOnlyList<int>>();
        int count = r.CompactLength();
        for (int i = 0; i < count; i++)
        {
            byte v = r.U8();
            byVersion[v] = Vec(ref r, static (ref ScaleReader x) => TypeId(ref x));
        }
        var extensions = Vec(ref r, ReadExtension);
        return new ExtrinsicInfo(versions, extensions, byVersion, call);
    }

    /// <summary>V14/V15 have a single list, used by every signed extrinsic; it is filed under extension version 0.</summary>
    private static Dictionary<byte, IReadOnlyList<int>> AllIn(List<SignedExtension> extensions) =>
        new() { [0] = Enumerable.Range(0, extensions.Count).ToList() };

    private static SignedExtension ReadExtension(ref ScaleReader r) => new(r.Str(), TypeId(ref r), TypeId(ref r));

    private static void SkipRuntimeApis(ref ScaleReader r, byte version)
    {
        bool v16 = version >= 16;
        Vec(ref r, (ref ScaleReader api) =>
        {
            api.Str();
            Vec(ref api, (ref ScaleReader m) =>
            {
                m.Str();
                Vec(ref m, static (ref ScaleReader p) => { p.Str(); TypeId(ref p); return 0; });
                TypeId(ref m);
                SkipStrings(ref m);
                if (v16) SkipItemDeprecation(ref m);
                return 0;
            });
            SkipStrings(ref api);
            if (v16) { api.Compact(); SkipItemDeprecation(ref api); }
            return 0;
        });
    }

    private static void SkipCustom(ref ScaleReader r)
    {
        int count = r.CompactLength();
        for (int i = 0; i < count; i++) { r.Str(); TypeId(ref r); r.Bytes(); }
    }

    private static void SkipViewFunction(ref ScaleReader r)
    {
        r.Raw(32); // id
        r.Str();
        Vec(ref r, static (ref ScaleReader p) => { p.Str(); TypeId(ref p); return 0; });
        TypeId(ref r);
        SkipStrings(ref r);
        SkipItemDeprecation(ref r);
    }

    /// <summary>ItemDeprecationInfo: 0 NotDeprecated, 1 DeprecatedWithoutNote, 2 Deprecated { note, since: Option }.</summary>
    private static void SkipItemDeprecation(ref ScaleReader r)
    {
        byte tag = r.U8();
        if (tag == 2) { r.Str(); OptionString(ref r); }
        else if (tag > 2) throw new MetadataFormatException($"Unknown deprecation tag {tag} at offset {r.Position - 1}.");
    }

    /// <summary>EnumDeprecationInfo: BTreeMap&lt;u8, VariantDeprecationInfo&gt; whose tags share ItemDeprecationInfo's (1, 2).</summary>
    private static void SkipEnumDeprecation(ref ScaleReader r)
    {
        int count = r.CompactLength();
        for (int i = 0; i < count; i++) { r.U8(); SkipItemDeprecation(ref r); }
    }
}

using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Appends one variant to an enum of a metadata blob's portable type registry and re-encodes only that enum's variant
/// list (its count and the new case): every other byte — docs, other types, pallets, runtime APIs — stays exactly as
/// recorded, which a decode-and-re-encode of the whole file could not promise (our decoder drops docs).
/// The registry layout is the same in V14, V15 and V16 (scale-info's PortableRegistry), so one walk serves all three.
/// </summary>
public static class EnumVariantSplice
{
    /// <summary>The blob with <paramref name="variant"/> appended to enum type <paramref name="enumTypeId"/>.</summary>
    public static byte[] Append(byte[] metadata, int enumTypeId, VariantCase variant)
    {
        var (countStart, countEnd, variantsEnd, count) = Locate(metadata, enumTypeId);
        return new ScaleWriter()
            .Raw(metadata.AsSpan(0, countStart))
            .Compact((ulong)count + 1)
            .Raw(metadata.AsSpan(countEnd, variantsEnd - countEnd))
            .Raw(Encode(variant))
            .Raw(metadata.AsSpan(variantsEnd))
            .ToArray();
    }

    /// <summary>scale-info's Variant: name, fields (name?, type, typeName?, docs), index, docs.</summary>
    public static byte[] Encode(VariantCase variant)
    {
        var w = new ScaleWriter().Str(variant.Name).Compact((ulong)variant.Fields.Count);
        foreach (var f in variant.Fields)
        {
            OptionalString(w, f.Name).Compact((ulong)f.TypeId);
            OptionalString(w, f.TypeName).Compact(0);
        }
        w.U8(variant.Index).Compact((ulong)variant.Docs.Count);
        foreach (var line in variant.Docs) w.Str(line);
        return w.ToArray();
    }

    private static ScaleWriter OptionalString(ScaleWriter w, string? s) => s is null ? w.U8(0) : w.U8(1).Str(s);

    /// <summary>Offsets of the enum's variant count (start, end) and of the end of its variant list.</summary>
    private static (int CountStart, int CountEnd, int VariantsEnd, int Count) Locate(byte[] metadata, int enumTypeId)
    {
        var r = new ScaleReader(metadata);
        r.U32(); // "meta"
        r.U8();  // version
        int types = r.CompactLength();
        for (int i = 0; i < types; i++)
        {
            ulong id = r.Compact();
            SkipStrings(ref r); // path
            int parameters = r.CompactLength();
            for (int p = 0; p < parameters; p++) { r.Str(); if (r.U8() == 1) r.Compact(); }
            byte tag = r.U8();
            if (id == (ulong)enumTypeId)
            {
                if (tag != 1) throw new InvalidDataException($"Type #{enumTypeId} is not an enum (TypeDef tag {tag}).");
                int countStart = r.Position;
                int count = r.CompactLength();
                int countEnd = r.Position;
                for (int v = 0; v < count; v++) SkipVariant(ref r);
                return (countStart, countEnd, r.Position, count);
            }
            SkipDef(ref r, tag);
            SkipStrings(ref r); // docs
        }
        throw new InvalidDataException($"The type registry has no type #{enumTypeId}.");
    }

    private static void SkipDef(ref ScaleReader r, byte tag)
    {
        switch (tag)
        {
            case 0: SkipFields(ref r); break;
            case 1: for (int n = r.CompactLength(), i = 0; i < n; i++) SkipVariant(ref r); break;
            case 2: case 6: r.Compact(); break;
            case 3: r.U32(); r.Compact(); break;
            case 4: for (int n = r.CompactLength(), i = 0; i < n; i++) r.Compact(); break;
            case 5: r.U8(); break;
            case 7: r.Compact(); r.Compact(); break;
            default: throw new InvalidDataException($"Unknown TypeDef tag {tag} at offset {r.Position - 1}.");
        }
    }

    private static void SkipVariant(ref ScaleReader r)
    {
        r.Str();
        SkipFields(ref r);
        r.U8();
        SkipStrings(ref r);
    }

    private static void SkipFields(ref ScaleReader r)
    {
        for (int n = r.CompactLength(), i = 0; i < n; i++)
        {
            if (r.U8() == 1) r.Str();
            r.Compact();
            if (r.U8() == 1) r.Str();
            SkipStrings(ref r);
        }
    }

    private static void SkipStrings(ref ScaleReader r)
    {
        for (int n = r.CompactLength(), i = 0; i < n; i++) r.Str();
    }
}

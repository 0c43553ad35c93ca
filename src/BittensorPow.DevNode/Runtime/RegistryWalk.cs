using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Byte offsets in a metadata blob's portable type registry (scale-info's PortableRegistry, laid out alike in V14, V15
/// and V16): where the type count is, where the registry ends, where an enum's variant list is. Our decoder answers
/// what the metadata says; this answers where, so a patch can change a few bytes and leave every other byte as it was.
/// </summary>
public static class RegistryWalk
{
    /// <summary>The registry's type count and the offset just past its last type (where the pallets begin).</summary>
    public static (CompactAt Count, int End) Registry(ReadOnlySpan<byte> metadata)
    {
        var r = Start(metadata, out var count);
        for (int i = 0; i < count.Value; i++)
        {
            SkipDef(ref r, ReadHeader(ref r).Tag);
            SkipStrings(ref r); // docs
        }
        return (count, r.Position);
    }

    /// <summary>Enum type <paramref name="enumTypeId"/>'s variant count and the offset just past its last variant.</summary>
    public static (CompactAt Count, int End) EnumVariants(ReadOnlySpan<byte> metadata, int enumTypeId)
    {
        var r = Start(metadata, out var types);
        for (int i = 0; i < types.Value; i++)
        {
            var (id, tag) = ReadHeader(ref r);
            if (id == (ulong)enumTypeId)
            {
                if (tag != 1) throw new InvalidDataException($"Type #{enumTypeId} is not an enum (TypeDef tag {tag}).");
                var count = ReadCompact(ref r);
                for (int v = 0; v < count.Value; v++) SkipVariant(ref r);
                return (count, r.Position);
            }
            SkipDef(ref r, tag);
            SkipStrings(ref r); // docs
        }
        throw new InvalidDataException($"The type registry has no type #{enumTypeId}.");
    }

    internal static CompactAt ReadCompact(ref ScaleReader r)
    {
        int start = r.Position;
        int value = r.CompactLength();
        return new CompactAt(start, r.Position, value);
    }

    internal static void SkipStrings(ref ScaleReader r)
    {
        for (int n = r.CompactLength(), i = 0; i < n; i++) r.Str();
    }

    internal static void SkipFields(ref ScaleReader r)
    {
        for (int n = r.CompactLength(), i = 0; i < n; i++)
        {
            if (r.U8() == 1) r.Str();
            r.Compact();
            if (r.U8() == 1) r.Str();
            SkipStrings(ref r);
        }
    }

    private static ScaleReader Start(ReadOnlySpan<byte> metadata, out CompactAt count)
    {
        var r = new ScaleReader(metadata);
        r.U32(); // "meta"
        byte version = r.U8();
        if (version is < 14 or > 16) throw new InvalidDataException($"Metadata V{version} is not V14, V15 or V16.");
        count = ReadCompact(ref r);
        return r;
    }

    /// <summary>A type's id, path and parameters, then its TypeDef tag (the def and the docs follow).</summary>
    private static (ulong Id, byte Tag) ReadHeader(ref ScaleReader r)
    {
        ulong id = r.Compact();
        SkipStrings(ref r); // path
        for (int n = r.CompactLength(), p = 0; p < n; p++) { r.Str(); if (r.U8() == 1) r.Compact(); }
        return (id, r.U8());
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
}

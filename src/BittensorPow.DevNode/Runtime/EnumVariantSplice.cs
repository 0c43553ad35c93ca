using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Appends variants to an enum of a metadata blob's portable type registry and re-encodes only that enum's variant
/// count: every other byte — docs, other types, pallets, runtime APIs — stays exactly as recorded, which a
/// decode-and-re-encode of the whole file could not promise (our decoder drops docs).
/// </summary>
public static class EnumVariantSplice
{
    /// <summary>The blob with <paramref name="variant"/> appended to enum type <paramref name="enumTypeId"/>.</summary>
    public static byte[] Append(byte[] metadata, int enumTypeId, VariantCase variant)
        => MetadataEdit.ApplyAll(metadata, Edits(metadata, enumTypeId, [variant], $"enum #{enumTypeId}"));

    /// <summary>Two edits: the enum's variant count raised, the variants inserted after its last one.</summary>
    public static IEnumerable<MetadataEdit> Edits(ReadOnlySpan<byte> metadata, int enumTypeId, IReadOnlyList<VariantCase> variants, string what)
    {
        var (count, end) = RegistryWalk.EnumVariants(metadata, enumTypeId);
        var added = new ScaleWriter();
        foreach (var v in variants) added.Raw(Encode(v));
        return
        [
            new MetadataEdit(count.Start, count.End - count.Start, new ScaleWriter().Compact((ulong)(count.Value + variants.Count)).ToArray(),
                $"{what}: variant count {count.Value} -> {count.Value + variants.Count}"),
            new MetadataEdit(end, 0, added.ToArray(), $"{what}: + {string.Join(", ", variants.Select(v => $"{v.Name} ({v.Index})"))}"),
        ];
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

    internal static ScaleWriter OptionalString(ScaleWriter w, string? s) => s is null ? w.U8(0) : w.U8(1).Str(s);
}

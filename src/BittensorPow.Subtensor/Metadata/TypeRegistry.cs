using static BittensorPow.Subtensor.Metadata.MetadataReading;

namespace BittensorPow.Subtensor.Metadata;

/// <summary>The runtime's portable type registry: every type the metadata refers to, by id.</summary>
public sealed class TypeRegistry
{
    private readonly Dictionary<int, PortableType> _types;

    public TypeRegistry(IEnumerable<PortableType> types)
    {
        _types = [];
        foreach (var t in types)
            if (!_types.TryAdd(t.Id, t)) throw new MetadataFormatException($"The type registry defines type #{t.Id} twice.");
    }

    public int Count => _types.Count;
    public IEnumerable<PortableType> All => _types.Values;

    public PortableType this[int id] => _types.TryGetValue(id, out var t)
        ? t
        : throw new MetadataFormatException($"The metadata refers to type #{id}, which its registry does not define.");

    /// <summary>Finds a type by its Rust path ("sp_core::crypto::AccountId32"); null when absent.</summary>
    public PortableType? FindByPath(string path) => _types.Values.FirstOrDefault(t => t.PathText == path);

    /// <summary>Follows single-field composites (newtype wrappers) to the type that actually carries the bytes.</summary>
    public PortableType Unwrap(int id)
    {
        var t = this[id];
        for (int guard = 0; guard < 64 && t.Def is CompositeDef { Fields.Count: 1 } c; guard++) t = this[c.Fields[0].TypeId];
        return t;
    }

    /// <summary>A short human name: the last path segment, or the shape for anonymous types.</summary>
    public string Describe(int id) => Describe(id, 0);

    /// <summary>Anonymous types can refer to themselves (Vec of itself) in a hostile registry; deeper ones print as ids.</summary>
    private string Describe(int id, int depth)
    {
        var t = this[id];
        if (t.Path.Count > 0) return t.Path[^1];
        if (depth >= 8) return $"#{id}";
        return t.Def switch
        {
            PrimitiveDef p => p.Kind.ToString().ToLowerInvariant(),
            SequenceDef s => $"Vec<{Describe(s.ElementTypeId, depth + 1)}>",
            ArrayDef a => $"[{Describe(a.ElementTypeId, depth + 1)}; {a.Length}]",
            TupleDef tu => $"({string.Join(", ", tu.ElementTypeIds.Take(16).Select(e => Describe(e, depth + 1)))})",
            CompactDef c => $"Compact<{Describe(c.InnerTypeId, depth + 1)}>",
            BitSequenceDef => "BitVec",
            _ => $"#{id}",
        };
    }

    internal static TypeRegistry Read(ref ScaleReader r) => new(Vec(ref r, ReadType));

    internal static PortableType ReadType(ref ScaleReader r)
    {
        int id = TypeId(ref r);
        var path = Strings(ref r);
        var parameters = Vec(ref r, static (ref ScaleReader x) => new TypeParameter(x.Str(), OptionTypeId(ref x)));
        var def = ReadDef(ref r);
        SkipStrings(ref r); // type docs
        return new PortableType(id, path, parameters, def);
    }

    private static TypeDef ReadDef(ref ScaleReader r)
    {
        byte tag = r.U8();
        return tag switch
        {
            0 => new CompositeDef(Vec(ref r, ReadField)),
            1 => new VariantDef(Vec(ref r, ReadVariant)),
            2 => new SequenceDef(TypeId(ref r)),
            3 => new ArrayDef(r.U32(), TypeId(ref r)),
            4 => new TupleDef(Vec(ref r, static (ref ScaleReader x) => TypeId(ref x))),
            5 => new PrimitiveDef(ReadPrimitive(ref r)),
            6 => new CompactDef(TypeId(ref r)),
            7 => new BitSequenceDef(TypeId(ref r), TypeId(ref r)),
            _ => throw new MetadataFormatException($"Unknown TypeDef tag {tag} at offset {r.Position - 1}."),
        };
    }

    private static PrimitiveKind ReadPrimitive(ref ScaleReader r)
    {
        byte k = r.U8();
        if (k > (byte)PrimitiveKind.I256) throw new MetadataFormatException($"Unknown primitive kind {k} at offset {r.Position - 1}.");
        return (PrimitiveKind)k;
    }

    private static FieldDef ReadField(ref ScaleReader r)
    {
        var name = OptionString(ref r);
        int type = TypeId(ref r);
        var typeName = OptionString(ref r);
        SkipStrings(ref r); // field docs
        return new FieldDef(name, type, typeName);
    }

    private static VariantCase ReadVariant(ref ScaleReader r)
    {
        var name = r.Str();
        var fields = Vec(ref r, ReadField);
        byte index = r.U8();
        var docs = Strings(ref r); // kept: error and event docs are shown to users
        return new VariantCase(name, index, fields, docs);
    }
}

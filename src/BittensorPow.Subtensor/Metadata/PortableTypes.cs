namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// One entry of the runtime's portable type registry (scale-info). Values on chain are decoded by walking these
/// definitions, so the client never hard-codes a layout that a runtime upgrade could change.
/// </summary>
public sealed record PortableType(int Id, IReadOnlyList<string> Path, IReadOnlyList<TypeParameter> Parameters, TypeDef Def)
{
    /// <summary>The Rust path joined with "::", e.g. "sp_core::crypto::AccountId32"; empty for anonymous types.</summary>
    public string PathText => string.Join("::", Path);
    public override string ToString() => $"#{Id} {(Path.Count > 0 ? PathText : Def.GetType().Name)}";
}

public sealed record TypeParameter(string Name, int? TypeId);

/// <summary>The shape of a type, one case per scale-info <c>TypeDef</c> variant.</summary>
public abstract record TypeDef;

public sealed record CompositeDef(IReadOnlyList<FieldDef> Fields) : TypeDef;
public sealed record VariantDef(IReadOnlyList<VariantCase> Variants) : TypeDef
{
    public VariantCase? ByIndex(byte index) => Variants.FirstOrDefault(v => v.Index == index);
    public VariantCase? ByName(string name) => Variants.FirstOrDefault(v => v.Name == name);
}
public sealed record SequenceDef(int ElementTypeId) : TypeDef;
public sealed record ArrayDef(uint Length, int ElementTypeId) : TypeDef;
public sealed record TupleDef(IReadOnlyList<int> ElementTypeIds) : TypeDef;
public sealed record PrimitiveDef(PrimitiveKind Kind) : TypeDef;
public sealed record CompactDef(int InnerTypeId) : TypeDef;
public sealed record BitSequenceDef(int StoreTypeId, int OrderTypeId) : TypeDef;

/// <summary>A struct field or variant field. <see cref="Name"/> is null for tuple-like fields.</summary>
public sealed record FieldDef(string? Name, int TypeId, string? TypeName);

/// <summary>An enum case: its SCALE index byte is <see cref="Index"/>, not its position in the list.</summary>
public sealed record VariantCase(string Name, byte Index, IReadOnlyList<FieldDef> Fields, IReadOnlyList<string> Docs);

/// <summary>scale-info's primitive kinds, in their SCALE index order.</summary>
public enum PrimitiveKind : byte
{
    Bool, Char, Str, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256,
}

using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Runtime;

/// <summary>Finds a type already in a metadata's registry by its shape, so a patch can reuse it instead of adding one.</summary>
public static class RegistryLookup
{
    public static int Primitive(TypeRegistry types, PrimitiveKind kind)
        => Single(types, t => t.Def is PrimitiveDef p && p.Kind == kind, kind.ToString());

    /// <summary>[u8; N].</summary>
    public static int ByteArray(TypeRegistry types, uint length)
        => Single(types, t => t.Def is ArrayDef a && a.Length == length && types[a.ElementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 },
            $"[u8; {length}]");

    public static int? ByPath(TypeRegistry types, string path) => types.FindByPath(path)?.Id;

    /// <summary>substrate_fixed's FixedU128 with <paramref name="fractionBits"/> fraction bits (64: U64F64).</summary>
    public static int FixedU128(TypeRegistry types, int fractionBits)
        => Single(types, t => t.PathText == "substrate_fixed::FixedU128" && t.Parameters is [{ Name: "Frac", TypeId: int frac }]
            && Typenum(types, frac) == fractionBits, $"substrate_fixed::FixedU128<U{fractionBits}>");

    /// <summary>The number a substrate_typenum unsigned integer type stands for: UInt&lt;msb, bit&gt; = 2·msb + bit, UTerm = 0.</summary>
    public static int Typenum(TypeRegistry types, int id)
    {
        var t = types[id];
        return t.PathText switch
        {
            "substrate_typenum::uint::UTerm" or "substrate_typenum::bit::B0" => 0,
            "substrate_typenum::bit::B1" => 1,
            "substrate_typenum::uint::UInt" when t.Def is CompositeDef { Fields: [var msb, var lsb] }
                => checked(2 * Typenum(types, msb.TypeId) + Typenum(types, lsb.TypeId)),
            _ => throw new InvalidDataException($"Type #{id} ({t.PathText}) is not a typenum unsigned integer."),
        };
    }

    /// <summary>The lowest id of the matching types.</summary>
    private static int Single(TypeRegistry types, Func<PortableType, bool> match, string what)
    {
        var ids = types.All.Where(match).Select(t => t.Id).ToList();
        return ids.Count > 0 ? ids.Min() : throw new InvalidDataException($"The metadata has no {what} type to reuse.");
    }
}

using System.Numerics;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Subtensor.Metadata;

/// <summary>Decodes SCALE bytes into a <see cref="ScaleValue"/> by walking a type of the runtime's registry.</summary>
public static class ScaleValueDecoder
{
    /// <summary>Types nest (events in records in vectors); anything deeper than this is a cyclic or hostile type.</summary>
    private const int MaxDepth = 128;

    /// <summary>Decodes one value and requires that it uses every byte (a storage value or constant is exactly one value).</summary>
    public static ScaleValue DecodeAll(TypeRegistry types, int typeId, ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        var value = Decode(types, typeId, ref r);
        if (!r.AtEnd)
            throw new ScaleFormatException($"{r.Remaining} bytes were left after decoding a {types.Describe(typeId)}; the value does not match its type.");
        return value;
    }

    public static ScaleValue Decode(TypeRegistry types, int typeId, ref ScaleReader reader) => Decode(types, typeId, ref reader, 0);

    private static ScaleValue Decode(TypeRegistry types, int typeId, ref ScaleReader r, int depth)
    {
        if (depth > MaxDepth) throw new ScaleFormatException($"Type #{typeId} nests deeper than {MaxDepth} levels.");
        var type = types[typeId];
        switch (type.Def)
        {
            case CompositeDef c:
                return new ScaleComposite(DecodeFields(types, c.Fields, ref r, depth));
            case VariantDef v:
            {
                byte index = r.U8();
                var vc = v.ByIndex(index)
                    ?? throw new ScaleFormatException($"Enum {types.Describe(typeId)} has no variant with index {index} (offset {r.Position - 1}).");
                return new ScaleVariant(vc.Name, vc.Index, DecodeFields(types, vc.Fields, ref r, depth));
            }
            case SequenceDef s:
                return DecodeMany(types, s.ElementTypeId, r.CompactLength(), ref r, depth);
            case ArrayDef a:
                return DecodeMany(types, a.ElementTypeId, checked((int)a.Length), ref r, depth);
            case TupleDef t:
            {
                var items = new List<ScaleValue>(t.ElementTypeIds.Count);
                foreach (var id in t.ElementTypeIds) items.Add(Decode(types, id, ref r, depth + 1));
                return new ScaleSequence(items);
            }
            case PrimitiveDef p:
                return DecodePrimitive(p.Kind, ref r);
            case CompactDef:
                // Compact<T> wraps an integer or a newtype of one (Compact<Perbill>); either way the bytes are one compact.
                return new ScaleNumber(r.CompactBig());
            case BitSequenceDef b:
                return DecodeBits(types, b, ref r);
            default:
                throw new ScaleFormatException($"Type #{typeId} has an unknown definition.");
        }
    }

    private static List<ScaleField> DecodeFields(TypeRegistry types, IReadOnlyList<FieldDef> fields, ref ScaleReader r, int depth)
    {
        var list = new List<ScaleField>(fields.Count);
        foreach (var f in fields) list.Add(new ScaleField(f.Name, Decode(types, f.TypeId, ref r, depth + 1)));
        return list;
    }

    private static ScaleValue DecodeMany(TypeRegistry types, int elementTypeId, int count, ref ScaleReader r, int depth)
    {
        if (types[elementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 }) return new ScaleBytes(r.Raw(count).ToArray());
        var items = new List<ScaleValue>(Math.Min(count, 1024));
        for (int i = 0; i < count; i++) items.Add(Decode(types, elementTypeId, ref r, depth + 1));
        return new ScaleSequence(items);
    }

    private static ScaleValue DecodePrimitive(PrimitiveKind kind, ref ScaleReader r) => kind switch
    {
        PrimitiveKind.Bool => new ScaleBool(r.Bool()),
        PrimitiveKind.Char => new ScaleText(char.ConvertFromUtf32((int)r.U32())),
        PrimitiveKind.Str => new ScaleText(r.Str()),
        PrimitiveKind.U8 => new ScaleNumber(r.U8()),
        PrimitiveKind.U16 => new ScaleNumber(r.U16()),
        PrimitiveKind.U32 => new ScaleNumber(r.U32()),
        PrimitiveKind.U64 => new ScaleNumber(r.U64()),
        PrimitiveKind.U128 => new ScaleNumber(r.U128()),
        PrimitiveKind.U256 => new ScaleNumber(new BigInteger(r.Raw(32), isUnsigned: true)),
        PrimitiveKind.I8 => new ScaleNumber((sbyte)r.U8()),
        PrimitiveKind.I16 => new ScaleNumber((short)r.U16()),
        PrimitiveKind.I32 => new ScaleNumber((int)r.U32()),
        PrimitiveKind.I64 => new ScaleNumber((long)r.U64()),
        PrimitiveKind.I128 => new ScaleNumber(new BigInteger(r.Raw(16))),
        PrimitiveKind.I256 => new ScaleNumber(new BigInteger(r.Raw(32))),
        _ => throw new ScaleFormatException($"Unknown primitive {kind}."),
    };

    /// <summary>
    /// bitvec's encoding: compact bit count, then ⌈bits / W⌉ little-endian store words of W bits. The order type
    /// (bitvec::order::Lsb0 or Msb0) says whether bit 0 is the word's least or most significant bit.
    /// </summary>
    private static ScaleBits DecodeBits(TypeRegistry types, BitSequenceDef def, ref ScaleReader r)
    {
        int width = types[def.StoreTypeId].Def switch
        {
            PrimitiveDef { Kind: PrimitiveKind.U8 } => 8,
            PrimitiveDef { Kind: PrimitiveKind.U16 } => 16,
            PrimitiveDef { Kind: PrimitiveKind.U32 } => 32,
            PrimitiveDef { Kind: PrimitiveKind.U64 } => 64,
            _ => throw new ScaleFormatException($"Bit store type {types.Describe(def.StoreTypeId)} is not u8/u16/u32/u64."),
        };
        bool msb0 = types[def.OrderTypeId].Path.LastOrDefault() == "Msb0";
        int bits = r.CompactLength();
        int words = (bits + width - 1) / width;
        var result = new bool[bits];
        for (int w = 0; w < words; w++)
        {
            ulong word = width switch { 8 => r.U8(), 16 => r.U16(), 32 => r.U32(), _ => r.U64() };
            for (int i = 0; i < width && w * width + i < bits; i++)
                result[w * width + i] = ((word >> (msb0 ? width - 1 - i : i)) & 1) != 0;
        }
        return new ScaleBits(result);
    }
}

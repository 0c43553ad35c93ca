namespace BittensorPow.Subtensor.Metadata;

/// <summary>Decodes SCALE bytes into a <see cref="ScaleValue"/> by walking a type of the runtime's registry.</summary>
public static class ScaleValueDecoder
{
    /// <summary>Types nest (events in records in vectors); anything deeper than this is a cyclic or hostile type.</summary>
    private const int MaxDepth = 128;

    /// <summary>
    /// Values decoded per input byte, plus a floor. Zero-sized types (unit tuples, empty structs, [T; 0]) consume no
    /// bytes, so a hostile registry could otherwise make a few bytes expand into billions of values.
    /// </summary>
    private const int ValuesPerByte = 16, MinValueBudget = 4096;

    /// <summary>Decodes one value and requires that it uses every byte (a storage value or constant is exactly one value).</summary>
    public static ScaleValue DecodeAll(TypeRegistry types, int typeId, ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        var value = Decode(types, typeId, ref r);
        if (!r.AtEnd)
            throw new ScaleFormatException($"{r.Remaining} bytes were left after decoding a {types.Describe(typeId)}; "
                + "the value does not match its type.");
        return value;
    }

    public static ScaleValue Decode(TypeRegistry types, int typeId, ref ScaleReader reader)
    {
        int budget = MinValueBudget + (int)Math.Min(int.MaxValue - MinValueBudget, (long)reader.Remaining * ValuesPerByte);
        return Decode(types, typeId, ref reader, 0, ref budget);
    }

    private static ScaleValue Decode(TypeRegistry types, int typeId, ref ScaleReader r, int depth, ref int budget)
    {
        if (depth > MaxDepth) throw new ScaleFormatException($"Type #{typeId} nests deeper than {MaxDepth} levels.");
        if (--budget < 0) throw new ScaleFormatException($"The value expands to more parts than its bytes can hold (at type #{typeId}).");
        var type = types[typeId];
        switch (type.Def)
        {
            case CompositeDef c:
                return new ScaleComposite(DecodeFields(types, c.Fields, ref r, depth, ref budget));
            case VariantDef v:
            {
                byte index = r.U8();
                var vc = v.ByIndex(index)
                    ?? throw new ScaleFormatException($"Enum {types.Describe(typeId)} has no variant with index {index} (offset {r.Position - 1}).");
                return new ScaleVariant(vc.Name, vc.Index, DecodeFields(types, vc.Fields, ref r, depth, ref budget));
            }
            case SequenceDef s:
                return DecodeMany(types, s.ElementTypeId, r.CompactLength(), ref r, depth, ref budget);
            case ArrayDef a:
                if (a.Length > int.MaxValue)
                    throw new ScaleFormatException(
                        $"Array type #{typeId} has {a.Length} elements, more than any input holds.");
                return DecodeMany(types, a.ElementTypeId, (int)a.Length, ref r, depth, ref budget);
            case TupleDef t:
            {
                var items = new List<ScaleValue>(t.ElementTypeIds.Count);
                foreach (var id in t.ElementTypeIds) items.Add(Decode(types, id, ref r, depth + 1, ref budget));
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

    private static List<ScaleField> DecodeFields(TypeRegistry types, IReadOnlyList<FieldDef> fields, ref ScaleReader r, int depth, ref int budget)
    {
        var list = new List<ScaleField>(fields.Count);
        foreach (var f in fields) list.Add(new ScaleField(f.Name, Decode(types, f.TypeId, ref r, depth + 1, ref budget)));
        return list;
    }

    private static ScaleValue DecodeMany(TypeRegistry types, int elementTypeId, int count, ref ScaleReader r, int depth, ref int budget)
    {
        if (types[elementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 }) return new ScaleBytes(r.Raw(count).ToArray());
        var items = new List<ScaleValue>(Math.Min(count, 1024));
        for (int i = 0; i < count; i++) items.Add(Decode(types, elementTypeId, ref r, depth + 1, ref budget));
        return new ScaleSequence(items);
    }

    private static ScaleValue DecodePrimitive(PrimitiveKind kind, ref ScaleReader r) => kind switch
    {
        PrimitiveKind.Bool => new ScaleBool(r.Bool()),
        PrimitiveKind.Char => new ScaleText(Char(r.U32())),
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

    /// <summary>Rust's char is a Unicode scalar value: not a surrogate, at most U+10FFFF.</summary>
    private static string Char(uint scalar) => Rune.TryCreate(scalar, out var rune)
        ? rune.ToString()
        : throw new ScaleFormatException($"0x{scalar:x} is not a Unicode scalar value, so not a char.");

    /// <summary>
    /// bitvec's encoding: compact bit count, then ⌈bits / W⌉ little-endian store words of W bits. The order type
    /// (bitvec::order::Lsb0 or Msb0) says whether bit 0 is the word's least or most significant bit.
    /// </summary>
    private static ScaleBits DecodeBits(TypeRegistry types, BitSequenceDef def, ref ScaleReader r)
    {
        var (width, msb0) = def.Layout(types);
        // The count is of bits, not bytes, so the plain length check does not fit: check the words it needs instead.
        ulong bits = r.Compact();
        ulong words = bits / (ulong)width + (bits % (ulong)width == 0 ? 0UL : 1UL);
        if (words > (ulong)(r.Remaining / (width / 8)))
            throw new ScaleFormatException($"A bit sequence of {bits} bits needs more than the {r.Remaining} bytes left.");
        var result = new bool[bits];
        for (int w = 0; w < (int)words; w++)
        {
            ulong word = width switch { 8 => r.U8(), 16 => r.U16(), 32 => r.U32(), _ => r.U64() };
            for (int i = 0; i < width && w * width + i < result.Length; i++)
                result[w * width + i] = ((word >> (msb0 ? width - 1 - i : i)) & 1) != 0;
        }
        return new ScaleBits(result);
    }
}

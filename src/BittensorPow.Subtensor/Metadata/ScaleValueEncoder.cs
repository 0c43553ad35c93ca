namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// Encodes a <see cref="ScaleValue"/> as SCALE bytes by walking a type of the runtime's registry: the inverse of
/// <see cref="ScaleValueDecoder"/>, so decode → encode gives back the same bytes for every type. Used to write
/// storage values and events (EventRecord, AccountInfo…) in whatever shape a given runtime's metadata says.
/// </summary>
public static class ScaleValueEncoder
{
    private const int MaxDepth = 128;

    public static byte[] Encode(TypeRegistry types, int typeId, ScaleValue value)
    {
        var w = new ScaleWriter();
        Encode(types, typeId, value, w);
        return w.ToArray();
    }

    public static void Encode(TypeRegistry types, int typeId, ScaleValue value, ScaleWriter writer) => Encode(types, typeId, value, writer, 0);

    private static void Encode(TypeRegistry types, int typeId, ScaleValue value, ScaleWriter w, int depth)
    {
        if (depth > MaxDepth) throw new ScaleFormatException($"Type #{typeId} nests deeper than {MaxDepth} levels.");
        var type = types[typeId];
        switch (type.Def)
        {
            case CompositeDef c:
                // A newtype (one field) may be given as its inner value: AccountId32 as bytes, Weight parts as numbers.
                if (value is not ScaleComposite composite)
                {
                    if (c.Fields.Count == 1) { Encode(types, c.Fields[0].TypeId, value, w, depth + 1); return; }
                    throw Mismatch(types, typeId, value);
                }
                EncodeFields(types, typeId, c.Fields, composite.Fields, w, depth);
                return;
            case VariantDef v:
            {
                if (value is not ScaleVariant variant) throw Mismatch(types, typeId, value);
                var vc = v.ByName(variant.Name)
                    ?? throw new ScaleFormatException($"Enum {types.Describe(typeId)} has no variant '{variant.Name}'.");
                w.U8(vc.Index);
                EncodeFields(types, typeId, vc.Fields, variant.Fields, w, depth);
                return;
            }
            case SequenceDef s:
                EncodeMany(types, typeId, s.ElementTypeId, value, w, depth, fixedLength: null);
                return;
            case ArrayDef a:
                EncodeMany(types, typeId, a.ElementTypeId, value, w, depth, fixedLength: checked((int)a.Length));
                return;
            case TupleDef t:
            {
                if (value is not ScaleSequence seq || seq.Items.Count != t.ElementTypeIds.Count) throw Mismatch(types, typeId, value);
                for (int i = 0; i < seq.Items.Count; i++) Encode(types, t.ElementTypeIds[i], seq.Items[i], w, depth + 1);
                return;
            }
            case PrimitiveDef p:
                EncodePrimitive(types, typeId, p.Kind, value.Unwrapped(), w);
                return;
            case CompactDef:
                w.Compact(value.AsBigInteger());
                return;
            case BitSequenceDef b:
                EncodeBits(types, typeId, b, value, w);
                return;
            default:
                throw new ScaleFormatException($"Type #{typeId} has an unknown definition.");
        }
    }

    /// <summary>Fields go by position (the bytes carry no names); when both sides name them, the names must agree.</summary>
    private static void EncodeFields(TypeRegistry types, int typeId, IReadOnlyList<FieldDef> defs,
        IReadOnlyList<ScaleField> fields, ScaleWriter w, int depth)
    {
        if (defs.Count != fields.Count)
            throw new ScaleFormatException($"{types.Describe(typeId)} has {defs.Count} field(s) but the value has {fields.Count}.");
        for (int i = 0; i < defs.Count; i++)
        {
            if (defs[i].Name is { } expected && fields[i].Name is { } given && expected != given)
                throw new ScaleFormatException($"{types.Describe(typeId)}: field {i} is '{expected}', the value names it '{given}'.");
            Encode(types, defs[i].TypeId, fields[i].Value, w, depth + 1);
        }
    }

    private static void EncodeMany(TypeRegistry types, int typeId, int elementTypeId, ScaleValue value, ScaleWriter w, int depth, int? fixedLength)
    {
        if (types[elementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 } && value.Unwrapped() is ScaleBytes bytes)
        {
            if (fixedLength is { } n && bytes.Value.Length != n)
                throw new ScaleFormatException($"{types.Describe(typeId)} takes exactly {n} bytes, not {bytes.Value.Length}.");
            if (fixedLength is null) w.Compact((ulong)bytes.Value.Length);
            w.Raw(bytes.Value);
            return;
        }
        if (value is not ScaleSequence seq) throw Mismatch(types, typeId, value);
        if (fixedLength is { } length && seq.Items.Count != length)
            throw new ScaleFormatException($"{types.Describe(typeId)} takes exactly {length} items, not {seq.Items.Count}.");
        if (fixedLength is null) w.Compact((ulong)seq.Items.Count);
        foreach (var item in seq.Items) Encode(types, elementTypeId, item, w, depth + 1);
    }

    private static void EncodePrimitive(TypeRegistry types, int typeId, PrimitiveKind kind, ScaleValue value, ScaleWriter w)
    {
        switch (kind)
        {
            case PrimitiveKind.Bool:
                w.Bool(value is ScaleBool b ? b.Value : throw Mismatch(types, typeId, value));
                return;
            case PrimitiveKind.Str:
                w.Str(value is ScaleText s ? s.Value : throw Mismatch(types, typeId, value));
                return;
            case PrimitiveKind.Char:
            {
                string text = value is ScaleText t ? t.Value : throw Mismatch(types, typeId, value);
                w.U32((uint)char.ConvertToUtf32(text, 0));
                return;
            }
        }
        var n = value is ScaleNumber number ? number.Value : throw Mismatch(types, typeId, value);
        int bytes = kind switch
        {
            PrimitiveKind.U8 or PrimitiveKind.I8 => 1,
            PrimitiveKind.U16 or PrimitiveKind.I16 => 2,
            PrimitiveKind.U32 or PrimitiveKind.I32 => 4,
            PrimitiveKind.U64 or PrimitiveKind.I64 => 8,
            PrimitiveKind.U128 or PrimitiveKind.I128 => 16,
            PrimitiveKind.U256 or PrimitiveKind.I256 => 32,
            _ => throw new ScaleFormatException($"Unknown primitive {kind}."),
        };
        // PrimitiveKind keeps scale-info's order: the signed kinds follow the unsigned ones.
        w.Raw(FixedWidth(n, bytes, signed: kind >= PrimitiveKind.I8, kind));
    }

    /// <summary>Little-endian two's complement of exactly <paramref name="width"/> bytes; out-of-range values are refused, not wrapped.</summary>
    private static byte[] FixedWidth(BigInteger value, int width, bool signed, PrimitiveKind kind)
    {
        var min = signed ? -(BigInteger.One << (width * 8 - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (width * 8 - 1)) - 1 : (BigInteger.One << (width * 8)) - 1;
        if (value < min || value > max) throw new ScaleFormatException($"{value} does not fit a {kind.ToString().ToLowerInvariant()}.");
        var result = new byte[width];
        if (value.Sign < 0) result.AsSpan().Fill(0xff);
        var raw = value.ToByteArray(isUnsigned: false, isBigEndian: false);
        raw.AsSpan(0, Math.Min(raw.Length, width)).CopyTo(result);
        return result;
    }

    /// <summary>bitvec: compact bit count, then ⌈bits / W⌉ little-endian words (bit order from the order type, as in the decoder).</summary>
    private static void EncodeBits(TypeRegistry types, int typeId, BitSequenceDef def, ScaleValue value, ScaleWriter w)
    {
        if (value is not ScaleBits bits) throw Mismatch(types, typeId, value);
        var (width, msb0) = def.Layout(types);
        w.Compact((ulong)bits.Bits.Count);
        Span<byte> word8 = stackalloc byte[8];
        for (int start = 0; start < bits.Bits.Count; start += width)
        {
            ulong word = 0;
            for (int i = 0; i < width && start + i < bits.Bits.Count; i++)
                if (bits.Bits[start + i]) word |= 1UL << (msb0 ? width - 1 - i : i);
            BinaryPrimitives.WriteUInt64LittleEndian(word8, word);
            w.Raw(word8[..(width / 8)]);
        }
    }

    private static ScaleFormatException Mismatch(TypeRegistry types, int typeId, ScaleValue value) =>
        new($"A {types.Describe(typeId)} cannot be encoded from {value}.");
}

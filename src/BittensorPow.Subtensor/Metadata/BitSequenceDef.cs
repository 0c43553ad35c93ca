namespace BittensorPow.Subtensor.Metadata;

public sealed record BitSequenceDef(int StoreTypeId, int OrderTypeId) : TypeDef
{
    /// <summary>
    /// bitvec's layout, the same for decoding and encoding: the store word's width in bits (u8/u16/u32/u64), and
    /// whether the order type is bitvec::order::Msb0 (bit 0 is the word's most significant bit) rather than Lsb0.
    /// </summary>
    internal (int Width, bool Msb0) Layout(TypeRegistry types)
    {
        int width = types[StoreTypeId].Def switch
        {
            PrimitiveDef { Kind: PrimitiveKind.U8 } => 8,
            PrimitiveDef { Kind: PrimitiveKind.U16 } => 16,
            PrimitiveDef { Kind: PrimitiveKind.U32 } => 32,
            PrimitiveDef { Kind: PrimitiveKind.U64 } => 64,
            _ => throw new ScaleFormatException(
                $"Bit store type {types.Describe(StoreTypeId)} is not u8/u16/u32/u64."),
        };
        return (width, types[OrderTypeId].Path.LastOrDefault() == "Msb0");
    }
}

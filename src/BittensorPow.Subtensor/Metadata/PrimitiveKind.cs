namespace BittensorPow.Subtensor.Metadata;

/// <summary>scale-info's primitive kinds, in their SCALE index order.</summary>
public enum PrimitiveKind : byte
{
    Bool, Char, Str, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256,
}

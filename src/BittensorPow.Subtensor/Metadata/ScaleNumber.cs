namespace BittensorPow.Subtensor.Metadata;

/// <summary>Every integer kind (u8…u256, i8…i256, compact) as a BigInteger; the type says which it was.</summary>
public sealed record ScaleNumber(BigInteger Value) : ScaleValue
{
    public override string ToString() => Value.ToString();
}

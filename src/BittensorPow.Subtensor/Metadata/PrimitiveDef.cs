namespace BittensorPow.Subtensor.Metadata;

public sealed record PrimitiveDef(PrimitiveKind Kind) : TypeDef;

namespace BittensorPow.Subtensor.Metadata;

public sealed record SequenceDef(int ElementTypeId) : TypeDef;

namespace BittensorPow.Subtensor.Metadata;

public sealed record ArrayDef(uint Length, int ElementTypeId) : TypeDef;

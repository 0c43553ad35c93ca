namespace BittensorPow.Subtensor.Metadata;

public sealed record TupleDef(IReadOnlyList<int> ElementTypeIds) : TypeDef;

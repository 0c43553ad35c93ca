namespace BittensorPow.Subtensor.Metadata;

public sealed record CompositeDef(IReadOnlyList<FieldDef> Fields) : TypeDef;

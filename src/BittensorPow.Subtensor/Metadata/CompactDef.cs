namespace BittensorPow.Subtensor.Metadata;

public sealed record CompactDef(int InnerTypeId) : TypeDef;

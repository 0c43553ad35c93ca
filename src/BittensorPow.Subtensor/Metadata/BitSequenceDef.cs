namespace BittensorPow.Subtensor.Metadata;

public sealed record BitSequenceDef(int StoreTypeId, int OrderTypeId) : TypeDef;

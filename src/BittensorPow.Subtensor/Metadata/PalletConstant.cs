namespace BittensorPow.Subtensor.Metadata;

public sealed record PalletConstant(string Name, int TypeId, byte[] Value);

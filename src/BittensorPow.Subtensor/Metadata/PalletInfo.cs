namespace BittensorPow.Subtensor.Metadata;

public sealed record PalletInfo(
    string Name, byte Index, string? StoragePrefix, IReadOnlyList<StorageEntry> Storage,
    int? CallTypeId, int? EventTypeId, int? ErrorTypeId, IReadOnlyList<PalletConstant> Constants);

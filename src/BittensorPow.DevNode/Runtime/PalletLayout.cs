namespace BittensorPow.DevNode.Runtime;

/// <summary>Where a pallet's storage entries and constants lie in a metadata blob.</summary>
/// <param name="StorageCount">Null when the pallet has no storage.</param>
public sealed record PalletLayout(
    string Name, CompactAt? StorageCount, IReadOnlyList<ItemAt> Storage, int StorageEnd,
    CompactAt ConstantCount, IReadOnlyList<ItemAt> Constants, int ConstantsEnd);

namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// One storage item. For maps <see cref="Hashers"/> has one hasher per key part and <see cref="KeyTypeId"/> is the key
/// type (a tuple when there are several parts); plain values have no hashers and no key type.
/// </summary>
public sealed record StorageEntry(
    string Prefix, string Name, StorageModifier Modifier, IReadOnlyList<StorageHasher> Hashers,
    int? KeyTypeId, int ValueTypeId, byte[] Default)
{
    public bool IsMap => Hashers.Count > 0;
    public override string ToString() => $"{Prefix}.{Name}";
}

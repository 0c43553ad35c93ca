namespace BittensorPow.Subtensor.Metadata;

/// <summary>Storage hashers in their metadata index order (frame-metadata <c>StorageHasher</c>).</summary>
public enum StorageHasher : byte
{
    Blake2_128, Blake2_256, Blake2_128Concat, Twox128, Twox256, Twox64Concat, Identity,
}

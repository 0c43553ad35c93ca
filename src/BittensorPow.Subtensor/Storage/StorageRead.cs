namespace BittensorPow.Subtensor.Storage;

/// <summary>One entry of a batched read: the item and its encoded key parts (hashed as the metadata says).</summary>
public sealed record StorageRead(StorageEntry Entry, byte[][] Keys);

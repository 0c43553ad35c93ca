namespace BittensorPow.Subtensor.Metadata;

/// <summary>Optional: an absent key reads as None. Default: an absent key reads as <see cref="StorageEntry.Default"/>.</summary>
public enum StorageModifier : byte { Optional, Default }

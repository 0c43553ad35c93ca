namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// One runtime as the client knows it: version, metadata, the profile derived from both, and storage readers over
/// that metadata. Swapped whole when the node upgrades its runtime, so a caller that reads
/// <see cref="SubtensorClient.Runtime"/> once never mixes one runtime's metadata with another's versions.
/// </summary>
public sealed record RuntimeState(
    RuntimeVersion Version, RuntimeMetadata Metadata, RuntimeProfile Profile, StorageReader Storage,
    SubtensorStorage Subtensor)
{
    public static RuntimeState Create(IRpcClient rpc, RuntimeVersion version, RuntimeMetadata metadata)
    {
        var storage = new StorageReader(rpc, metadata);
        return new RuntimeState(version, metadata, RuntimeProfile.Create(version, metadata), storage, new SubtensorStorage(storage));
    }

    /// <summary>True when <paramref name="version"/> names another runtime than this one (a spec or transaction version change).</summary>
    public bool DiffersFrom(RuntimeVersion version) =>
        version.SpecVersion != Version.SpecVersion || version.TransactionVersion != Version.TransactionVersion
        || version.SpecName != Version.SpecName;
}

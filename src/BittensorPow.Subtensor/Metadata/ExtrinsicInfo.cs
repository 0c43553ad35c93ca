namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// The extrinsic format. V14/V15 have one version and one extension list; V16 lists several extrinsic versions and,
/// per extension version, which extensions are used (indices into <see cref="SignedExtensions"/>).
/// </summary>
public sealed record ExtrinsicInfo(
    IReadOnlyList<byte> Versions, IReadOnlyList<SignedExtension> SignedExtensions,
    IReadOnlyDictionary<byte, IReadOnlyList<int>> ExtensionsByVersion, int? CallTypeId);

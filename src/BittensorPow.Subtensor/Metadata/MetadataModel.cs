namespace BittensorPow.Subtensor.Metadata;

/// <summary>Storage hashers in their metadata index order (frame-metadata <c>StorageHasher</c>).</summary>
public enum StorageHasher : byte
{
    Blake2_128, Blake2_256, Blake2_128Concat, Twox128, Twox256, Twox64Concat, Identity,
}

/// <summary>Optional: an absent key reads as None. Default: an absent key reads as <see cref="StorageEntry.Default"/>.</summary>
public enum StorageModifier : byte { Optional, Default }

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

public sealed record PalletConstant(string Name, int TypeId, byte[] Value);

public sealed record PalletInfo(
    string Name, byte Index, string? StoragePrefix, IReadOnlyList<StorageEntry> Storage,
    int? CallTypeId, int? EventTypeId, int? ErrorTypeId, IReadOnlyList<PalletConstant> Constants);

/// <summary>A dispatchable call: encoded as <c>PalletIndex ‖ CallIndex ‖ arguments in order</c>.</summary>
public sealed record CallInfo(string Pallet, byte PalletIndex, string Name, byte CallIndex, IReadOnlyList<CallArgument> Arguments);

public sealed record CallArgument(string Name, int TypeId, string? TypeName);

/// <summary>A pallet error as it appears in <c>DispatchError::Module { index, error[0] }</c>.</summary>
public sealed record ErrorInfo(string Pallet, byte PalletIndex, string Name, byte ErrorIndex, IReadOnlyList<string> Docs)
{
    public string Description => Docs.Count == 0 ? $"{Pallet}.{Name}" : $"{Pallet}.{Name}: {Rpc.PeerText.Quote(string.Join(" ", Docs).Trim())}";
}

/// <summary>
/// A signed (V14/V15) or transaction (V16) extension. <see cref="TypeId"/> is what goes into the extrinsic,
/// <see cref="AdditionalSignedTypeId"/> (V16: "implicit") what goes only into the signing payload.
/// </summary>
public sealed record SignedExtension(string Identifier, int TypeId, int AdditionalSignedTypeId);

/// <summary>
/// The extrinsic format. V14/V15 have one version and one extension list; V16 lists several extrinsic versions and,
/// per extension version, which extensions are used (indices into <see cref="SignedExtensions"/>).
/// </summary>
public sealed record ExtrinsicInfo(
    IReadOnlyList<byte> Versions, IReadOnlyList<SignedExtension> SignedExtensions,
    IReadOnlyDictionary<byte, IReadOnlyList<int>> ExtensionsByVersion, int? CallTypeId);

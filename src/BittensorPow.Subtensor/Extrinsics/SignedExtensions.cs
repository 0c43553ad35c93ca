namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// The runtime's signed-extension list (identifiers in metadata order) and the bytes each contributes: "extra"
/// goes into the extrinsic and the payload, "additional signed" only into the payload. Identifiers not known here
/// (subtensor's own, e.g. SubtensorSignedExtension, CommitmentsSignedExtension, DrandPriority) are taken to carry no
/// bytes; <see cref="Unknown"/> lists them so a caller can check that against the metadata's types.
/// </summary>
public sealed class SignedExtensions
{
    public const string CheckMetadataHash = "CheckMetadataHash";

    private static readonly HashSet<string> Known =
    [
        "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckEra",
        "CheckNonce", "CheckWeight", "ChargeTransactionPayment", "ChargeAssetTxPayment", CheckMetadataHash,
    ];

    public IReadOnlyList<string> Identifiers { get; }
    public IReadOnlyList<string> Unknown { get; }
    public bool HasMetadataHash { get; }

    public SignedExtensions(IEnumerable<string> identifiers)
    {
        Identifiers = identifiers.ToList();
        Unknown = Identifiers.Where(id => !Known.Contains(id)).ToList();
        HasMetadataHash = Identifiers.Contains(CheckMetadataHash);
        foreach (var required in new[] { "CheckNonce" })
            if (!Identifiers.Contains(required))
                throw new ArgumentException(
                    $"The signed-extension list has no {required}; it does not look like a Substrate runtime's list.",
                    nameof(identifiers));
    }

    /// <summary>Writes the extra bytes: era, compact nonce, compact tip, metadata-hash mode (0 = disabled), in list order.</summary>
    public void WriteExtra(ScaleWriter w, TransactionParameters p)
    {
        foreach (var id in Identifiers)
        {
            switch (id)
            {
                case "CheckMortality" or "CheckEra": p.Era.WriteTo(w); break;
                case "CheckNonce": w.Compact(p.Nonce); break;
                case "ChargeTransactionPayment": w.Compact(p.Tip); break;
                case "ChargeAssetTxPayment": w.Compact(p.Tip).U8(0); break; // tip, asset_id: None
                case CheckMetadataHash: w.U8(0); break;                        // Mode::Disabled
            }
        }
    }

    /// <summary>Writes the additional-signed bytes: spec and transaction versions, genesis, birth block hash, metadata hash None.</summary>
    public void WriteAdditionalSigned(ScaleWriter w, TransactionParameters p)
    {
        foreach (var id in Identifiers)
        {
            switch (id)
            {
                case "CheckSpecVersion": w.U32(p.SpecVersion); break;
                case "CheckTxVersion": w.U32(p.TransactionVersion); break;
                case "CheckGenesis": w.Raw(Hash(p.GenesisHash, nameof(p.GenesisHash))); break;
                case "CheckMortality" or "CheckEra": w.Raw(Hash(p.BirthBlockHash, nameof(p.BirthBlockHash))); break;
                case CheckMetadataHash: w.U8(0); break;                        // Option<[u8; 32]>::None
            }
        }
    }

    /// <summary>Reads the extra bytes back (the decoder's half of <see cref="WriteExtra"/>).</summary>
    public ExtraFields ReadExtra(ref ScaleReader r)
    {
        Era era = Era.Immortal;
        ulong nonce = 0;
        BigInteger tip = 0;
        byte? mode = null;
        foreach (var id in Identifiers)
        {
            switch (id)
            {
                case "CheckMortality" or "CheckEra": era = Era.Read(ref r); break;
                case "CheckNonce": nonce = r.Compact(); break;
                case "ChargeTransactionPayment": tip = r.CompactBig(); break;
                case "ChargeAssetTxPayment":
                    tip = r.CompactBig();
                    if (r.U8() != 0) throw new ScaleFormatException("ChargeAssetTxPayment with an asset id is not supported.");
                    break;
                case CheckMetadataHash: mode = r.U8(); break;
            }
        }
        return new ExtraFields(era, nonce, tip, mode);
    }

    private static ReadOnlySpan<byte> Hash(byte[] hash, string name) =>
        hash is { Length: 32 } ? hash : throw new ArgumentException($"{name} must be a 32-byte block hash.", name);
}

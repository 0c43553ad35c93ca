namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>Decodes extrinsics and checks their signatures (what the dev node does with submissions).</summary>
public static class ExtrinsicDecoder
{
    /// <summary>Decodes a length-prefixed extrinsic; throws <see cref="ScaleFormatException"/> for anything malformed.</summary>
    public static DecodedExtrinsic Decode(ReadOnlySpan<byte> extrinsic, SignedExtensions extensions)
    {
        var r = new ScaleReader(extrinsic);
        ulong length = r.Compact();
        if (length != (ulong)r.Remaining)
            throw new ScaleFormatException($"The extrinsic's length prefix says {length} bytes, but {r.Remaining} follow.");
        byte version = r.U8();
        if ((version & 0x7f) != 4) throw new ScaleFormatException($"Extrinsic format version {version & 0x7f} is not supported (only 4).");
        if ((version & 0x80) == 0)
            return new DecodedExtrinsic(false, null, null, null, default, [], Rest(ref r));

        byte addressType = r.U8();
        if (addressType != ExtrinsicBuilder.AddressId)
            throw new ScaleFormatException($"Signer address type {addressType} is not supported (only MultiAddress::Id).");
        byte[] signer = r.Raw(32).ToArray();
        byte signatureType = r.U8();
        int signatureLength = signatureType switch
        {
            ExtrinsicBuilder.SignatureEd25519 or ExtrinsicBuilder.SignatureSr25519 => 64,
            ExtrinsicBuilder.SignatureEcdsa => 65,
            _ => throw new ScaleFormatException($"Unknown signature type {signatureType}."),
        };
        byte[] signature = r.Raw(signatureLength).ToArray();
        int extraStart = r.Position;
        var extra = extensions.ReadExtra(ref r);
        byte[] extraBytes = extrinsic[extraStart..r.Position].ToArray();
        var call = Rest(ref r);
        return new DecodedExtrinsic(true, signer, signatureType, signature, extra, extraBytes, call);
    }

    /// <summary>
    /// True when a signed extrinsic's sr25519 or ed25519 signature verifies for the given chain: spec and transaction
    /// versions, genesis hash and the hash of the era's birth block (the genesis hash when immortal). False for an
    /// unsigned extrinsic, an ECDSA signature, or a metadata-hash mode other than disabled.
    /// </summary>
    public static bool VerifySignature(DecodedExtrinsic extrinsic, SignedExtensions extensions, uint specVersion,
        uint transactionVersion, byte[] genesisHash, byte[] birthBlockHash)
    {
        if (!extrinsic.IsSigned || extrinsic.Signer is null || extrinsic.Signature is null) return false;
        if (extrinsic.Extra.MetadataHashMode is { } mode && mode != 0) return false;
        var parameters = new TransactionParameters(specVersion, transactionVersion, genesisHash, birthBlockHash,
            extrinsic.Extra.Era, extrinsic.Extra.Nonce, extrinsic.Extra.Tip);
        var w = new ScaleWriter().Raw(extrinsic.Call).Raw(extrinsic.ExtraBytes);
        extensions.WriteAdditionalSigned(w, parameters);
        var message = ExtrinsicBuilder.SignatureInput(w.ToArray());
        return extrinsic.SignatureType switch
        {
            ExtrinsicBuilder.SignatureSr25519 => Sr25519.Verify(message, extrinsic.Signature, extrinsic.Signer),
            ExtrinsicBuilder.SignatureEd25519 => Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(
                extrinsic.Signature, 0, extrinsic.Signer, 0, message, 0, message.Length),
            _ => false,
        };
    }

    private static byte[] Rest(ref ScaleReader r) =>
        r.Remaining >= 2 ? r.Raw(r.Remaining).ToArray() : throw new ScaleFormatException("The extrinsic has no call.");
}

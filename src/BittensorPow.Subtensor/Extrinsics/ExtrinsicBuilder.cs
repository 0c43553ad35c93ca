namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// Builds version-4 signed extrinsics: compact(len) ‖ 0x84 ‖ 0x00 signer[32] ‖ 0x01 sr25519 sig[64] ‖ extra ‖ call,
/// where the signature covers call ‖ extra ‖ additional-signed (blake2b-256 of it when longer than 256 bytes).
/// </summary>
public static class ExtrinsicBuilder
{
    public const byte SignedV4 = 0x84, UnsignedV4 = 0x04;
    public const byte AddressId = 0x00;
    public const byte SignatureEd25519 = 0x00, SignatureSr25519 = 0x01, SignatureEcdsa = 0x02;
    private const int MaxUnhashedPayload = 256;

    public static byte[] SigningPayload(ReadOnlySpan<byte> call, SignedExtensions extensions, TransactionParameters parameters)
    {
        var w = new ScaleWriter().Raw(call);
        extensions.WriteExtra(w, parameters);
        extensions.WriteAdditionalSigned(w, parameters);
        return w.ToArray();
    }

    /// <summary>The bytes actually signed: the payload itself, or its blake2b-256 when longer than 256 bytes.</summary>
    public static byte[] SignatureInput(byte[] payload) =>
        payload.Length > MaxUnhashedPayload ? SubstrateHash.Blake2b256(payload) : payload;

    /// <summary>Signs and assembles a submittable extrinsic (hex-encode it for author_submitExtrinsic).</summary>
    public static byte[] BuildSigned(ReadOnlySpan<byte> call, SignedExtensions extensions, TransactionParameters parameters, Sr25519KeyPair signer)
    {
        var signature = signer.Sign(SignatureInput(SigningPayload(call, extensions, parameters)));
        return Assemble(signer.PublicKey, signature, call, extensions, parameters);
    }

    /// <summary>
    /// As <see cref="BuildSigned(ReadOnlySpan{byte}, SignedExtensions, TransactionParameters, Sr25519KeyPair)"/> with fixed
    /// signing randomness (reproducible bytes for tests).
    /// </summary>
    internal static byte[] BuildSigned(ReadOnlySpan<byte> call, SignedExtensions extensions,
        TransactionParameters parameters, Sr25519KeyPair signer, ReadOnlySpan<byte> randomness32)
    {
        var signature = signer.Sign(SignatureInput(SigningPayload(call, extensions, parameters)), randomness32);
        return Assemble(signer.PublicKey, signature, call, extensions, parameters);
    }

    /// <summary>Puts a signer, an sr25519 signature, the extra bytes and the call together, length-prefixed.</summary>
    public static byte[] Assemble(ReadOnlySpan<byte> signerPublicKey, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> call,
        SignedExtensions extensions, TransactionParameters parameters)
    {
        if (signerPublicKey.Length != 32) throw new ArgumentException("The signer is a 32-byte public key.", nameof(signerPublicKey));
        if (signature.Length != Sr25519.SignatureLength) throw new ArgumentException("An sr25519 signature is 64 bytes.", nameof(signature));
        var body = new ScaleWriter().U8(SignedV4).U8(AddressId).Raw(signerPublicKey).U8(SignatureSr25519).Raw(signature);
        extensions.WriteExtra(body, parameters);
        body.Raw(call);
        return new ScaleWriter().Compact((ulong)body.Length).Raw(body.WrittenSpan).ToArray();
    }
}

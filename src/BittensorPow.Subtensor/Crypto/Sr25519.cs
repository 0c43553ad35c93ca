namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// schnorrkel's Schnorr signatures over ristretto255 (what Substrate calls sr25519), checked byte-exactly against
/// the shared vectors. Hand-written: no package here provides sr25519. Signing lives on <see cref="Sr25519KeyPair"/>.
/// </summary>
public static class Sr25519
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    /// <summary>The signing context Substrate uses for every sr25519 signature.</summary>
    public static ReadOnlySpan<byte> SubstrateContext => "substrate"u8;

    /// <summary>
    /// Verifies a schnorrkel signature made in the "substrate" context. False (never an exception) for a bad
    /// signature, a malformed public key, a non-canonical s or a signature without schnorrkel's marker bit.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey) =>
        Verify(SubstrateContext, message, signature, publicKey);

    public static bool Verify(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureLength || publicKey.Length != PublicKeyLength) return false;
        // schnorrkel sets the top bit of s to tell its signatures from ed25519 ones; it must be present.
        if ((signature[63] & 0x80) == 0) return false;
        Span<byte> s = stackalloc byte[32];
        signature[32..].CopyTo(s);
        s[31] &= 0x7f;
        if (!Scalar25519.IsCanonical(s)) return false;
        if (!Ristretto255.TryDecode(publicKey, out var a)) return false;
        var rBytes = signature[..32];

        var t = SigningTranscript(context, message);
        CommitPublicKey(t, publicKey);
        var k = CommitRAndChallenge(t, rBytes);
        // R' = s·B - k·A must encode to the R in the signature.
        var expected = EdwardsPoint.Basepoint.Multiply(s) + (-a).Multiply(k);
        return CryptographicOperations.FixedTimeEquals(Ristretto255.Encode(expected), rBytes);
    }

    /// <summary>Soft (non-hardened) derivation of a public key, as schnorrkel's derived_key_simple with an empty index.</summary>
    public static byte[] DeriveSoftPublic(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> chainCode32)
    {
        if (!Ristretto255.TryDecode(publicKey, out var a)) throw new ArgumentException("Not a valid sr25519 public key.", nameof(publicKey));
        var scalar = Sr25519Derivation.SoftScalar(publicKey, chainCode32, out _);
        return Ristretto255.Encode(a + EdwardsPoint.Basepoint.Multiply(scalar));
    }

    /// <summary>signing_context(context).bytes(message): the transcript every signature starts from.</summary>
    internal static MerlinTranscript SigningTranscript(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message)
    {
        var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(""u8, context);
        t.AppendMessage("sign-bytes"u8, message);
        return t;
    }

    /// <summary>The part of the signature transcript before the nonce commitment: protocol name and public key.</summary>
    internal static void CommitPublicKey(MerlinTranscript t, ReadOnlySpan<byte> publicKey)
    {
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, publicKey);
    }

    /// <summary>Commits R and returns the challenge scalar k (canonical bytes).</summary>
    internal static byte[] CommitRAndChallenge(MerlinTranscript t, ReadOnlySpan<byte> r)
    {
        t.AppendMessage("sign:R"u8, r);
        return ChallengeScalar(t, "sign:c"u8);
    }

    internal static byte[] ChallengeScalar(MerlinTranscript t, ReadOnlySpan<byte> label)
    {
        Span<byte> wide = stackalloc byte[64];
        t.ChallengeBytes(label, wide);
        return Scalar25519.ToBytes(Scalar25519.FromBytes(wide));
    }
}

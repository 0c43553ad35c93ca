namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// An sr25519 key pair: the secret scalar and signing nonce stay inside and are zeroed on <see cref="Dispose"/>.
/// ToString() shows only the public address.
/// </summary>
public sealed class Sr25519KeyPair : IDisposable
{
    private readonly byte[] _scalar; // canonical, mod ℓ
    private readonly byte[] _nonce;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Sr25519KeyPair(byte[] scalar, byte[] nonce)
    {
        _scalar = scalar;
        _nonce = nonce;
        _publicKey = Ristretto255.Encode(EdwardsPoint.Basepoint.Multiply(scalar));
    }

    public byte[] PublicKey => (byte[])_publicKey.Clone();
    public string Ss58Address => Ss58.Encode(_publicKey);

    /// <summary>Expands a 32-byte mini secret with schnorrkel's ExpandMode::Ed25519 (what Substrate uses).</summary>
    public static Sr25519KeyPair FromMiniSecret(ReadOnlySpan<byte> miniSecret)
    {
        if (miniSecret.Length != 32) throw new ArgumentException("An sr25519 mini secret is 32 bytes.", nameof(miniSecret));
        Span<byte> h = stackalloc byte[64];
        SHA512.HashData(miniSecret, h);
        try
        {
            // Clamp as ed25519 does, then divide by the cofactor 8 so that the scalar is kept clean mod ℓ.
            h[0] &= 248;
            h[31] &= 63;
            h[31] |= 64;
            return FromEd25519Halves(h[..32], h[32..]);
        }
        finally { CryptographicOperations.ZeroMemory(h); }
    }

    public static Sr25519KeyPair FromSecretKey(ReadOnlySpan<byte> secret64, Sr25519SecretFormat format)
    {
        if (secret64.Length != 64) throw new ArgumentException("An sr25519 secret key is 64 bytes.", nameof(secret64));
        if (format == Sr25519SecretFormat.Ed25519) return FromEd25519Halves(secret64[..32], secret64[32..]);
        if (!Scalar25519.IsCanonical(secret64[..32]))
            throw new CryptographicException("The secret key's scalar is not canonical: it is not in schnorrkel's scalar ‖ nonce form.");
        return new Sr25519KeyPair(secret64[..32].ToArray(), secret64[32..].ToArray());
    }

    /// <summary>
    /// Reads a 64-byte secret in either layout, choosing the one whose public key is <paramref name="expectedPublicKey"/>
    /// (keyfiles written by btcli use schnorrkel's form, polkadot.js exports use the ed25519 form).
    /// </summary>
    public static Sr25519KeyPair FromSecretKey(ReadOnlySpan<byte> secret64, ReadOnlySpan<byte> expectedPublicKey)
    {
        if (secret64.Length != 64) throw new ArgumentException("An sr25519 secret key is 64 bytes.", nameof(secret64));
        foreach (var format in new[] { Sr25519SecretFormat.Schnorrkel, Sr25519SecretFormat.Ed25519 })
        {
            if (format == Sr25519SecretFormat.Schnorrkel && !Scalar25519.IsCanonical(secret64[..32])) continue;
            var pair = FromSecretKey(secret64, format);
            if (CryptographicOperations.FixedTimeEquals(pair._publicKey, expectedPublicKey)) return pair;
            pair.Dispose();
        }
        throw new CryptographicException("The secret key does not belong to the given public key.");
    }

    /// <summary>
    /// A Substrate secret URI: "&lt;phrase | 0x mini secret&gt;[//hard|/soft]...[///password]"; a URI that starts with
    /// a junction uses the public development phrase (so "//Alice" is Alice).
    /// </summary>
    public static Sr25519KeyPair FromUri(string secretUri) => SecretUri.ToKeyPair(secretUri);

    /// <summary>Hard (//) derivation: a fresh mini secret from this secret and the chain code.</summary>
    public Sr25519KeyPair DeriveHard(ReadOnlySpan<byte> chainCode32)
    {
        ThrowIfDisposed();
        var mini = Sr25519Derivation.HardMiniSecret(_scalar, chainCode32);
        try { return FromMiniSecret(mini); }
        finally { CryptographicOperations.ZeroMemory(mini); }
    }

    /// <summary>
    /// Soft (/) derivation: scalar + offset, public key as <see cref="Sr25519.DeriveSoftPublic"/>. The new signing
    /// nonce comes from the transcript keyed with this key's secrets and fresh randomness, as schnorrkel's does.
    /// </summary>
    public Sr25519KeyPair DeriveSoft(ReadOnlySpan<byte> chainCode32)
    {
        ThrowIfDisposed();
        var offset = Sr25519Derivation.SoftScalar(_publicKey, chainCode32, out var transcript);
        var witness = new byte[64];
        _nonce.CopyTo(witness, 0);
        _scalar.CopyTo(witness, 32);
        var nonce = new byte[32];
        using (var rng = transcript.BuildWitnessRng("HDKD-nonce"u8, witness, RandomNumberGenerator.GetBytes(32)))
            rng.Fill(nonce);
        CryptographicOperations.ZeroMemory(witness);
        return new Sr25519KeyPair(Scalar25519.Add(_scalar, offset), nonce);
    }

    /// <summary>Signs in the "substrate" context with fresh randomness.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return Sign(message, random);
    }

    /// <summary>
    /// Signs in the "substrate" context. The nonce r comes from the transcript keyed with this key's nonce and
    /// <paramref name="randomness32"/> (schnorrkel's witness_scalar), so fixed randomness gives reproducible signatures.
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> randomness32)
    {
        ThrowIfDisposed();
        var t = Sr25519.SigningTranscript(Sr25519.SubstrateContext, message);
        Sr25519.CommitPublicKey(t, _publicKey);
        var wide = new byte[64];
        using (var rng = t.BuildWitnessRng("signing"u8, _nonce, randomness32)) rng.Fill(wide);
        var r = Scalar25519.ToBytes(Scalar25519.FromBytes(wide));
        CryptographicOperations.ZeroMemory(wide);
        try
        {
            var rPoint = Ristretto255.Encode(EdwardsPoint.Basepoint.Multiply(r));
            var k = Sr25519.CommitRAndChallenge(t, rPoint);
            var s = Scalar25519.MultiplyAdd(k, _scalar, r);
            var signature = new byte[Sr25519.SignatureLength];
            rPoint.CopyTo(signature, 0);
            s.CopyTo(signature, 32);
            signature[63] |= 0x80; // schnorrkel's marker: not an ed25519 signature
            return signature;
        }
        finally { CryptographicOperations.ZeroMemory(r); }
    }

    /// <summary>The 64-byte secret in the given layout. For tests and key export only; the caller must zero it.</summary>
    internal byte[] ExportSecret(Sr25519SecretFormat format)
    {
        ThrowIfDisposed();
        var result = new byte[64];
        _scalar.CopyTo(result, 0);
        _nonce.CopyTo(result, 32);
        if (format == Sr25519SecretFormat.Ed25519) MultiplyByCofactor(result.AsSpan(0, 32));
        return result;
    }

    /// <summary>An independent copy (its own secret bytes, disposed on its own): one unlock can serve many signatures.</summary>
    public Sr25519KeyPair Copy()
    {
        ThrowIfDisposed();
        return new Sr25519KeyPair((byte[])_scalar.Clone(), (byte[])_nonce.Clone());
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_scalar);
        CryptographicOperations.ZeroMemory(_nonce);
        _disposed = true;
    }

    public override string ToString() => $"sr25519 key pair {Ss58Address} (secret not shown)";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static Sr25519KeyPair FromEd25519Halves(ReadOnlySpan<byte> scalarTimes8, ReadOnlySpan<byte> nonce)
    {
        var shifted = scalarTimes8.ToArray();
        DivideByCofactor(shifted);
        var scalar = Scalar25519.ToBytes(Scalar25519.FromBytes(shifted));
        CryptographicOperations.ZeroMemory(shifted);
        return new Sr25519KeyPair(scalar, nonce.ToArray());
    }

    // Right shift of the 256-bit little-endian number by 3 bits.
    private static void DivideByCofactor(Span<byte> s)
    {
        byte low = 0;
        for (int i = 31; i >= 0; i--)
        {
            byte b = s[i];
            s[i] = (byte)((b >> 3) | low);
            low = (byte)(b << 5);
        }
    }

    private static void MultiplyByCofactor(Span<byte> s)
    {
        byte high = 0;
        for (int i = 0; i < 32; i++)
        {
            byte b = s[i];
            s[i] = (byte)((b << 3) | high);
            high = (byte)(b >> 5);
        }
    }
}

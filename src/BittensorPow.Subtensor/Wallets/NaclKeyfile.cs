using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace BittensorPow.Subtensor.Wallets;

/// <summary>Turns a keyfile password into the 32-byte secretbox key.</summary>
internal delegate byte[] KeyDerivation(ReadOnlySpan<byte> passwordUtf8);

/// <summary>
/// btwallet's "$NACL" keyfiles: "$NACL" ‖ nonce[24] ‖ secretbox(MAC[16] ‖ ciphertext), keyed by
/// argon2i (v1.3, t = 8, m = 512 MiB, p = 1, 32 bytes) of the password with a fixed salt — libsodium's
/// crypto_pwhash "sensitive" limits — then XSalsa20-Poly1305 (NaCl secretbox). Built from BouncyCastle's parts.
/// </summary>
public static class NaclKeyfile
{
    private const int NonceLength = 24, MacLength = 16, KeyLength = 32;
    private static readonly int PrefixLength = "$NACL"u8.Length;

    /// <summary>The salt every btwallet $NACL keyfile uses (bittensor_wallet's NACL_SALT).</summary>
    public static ReadOnlySpan<byte> Salt => [0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1];

    public const int Argon2Iterations = 8;
    public const int Argon2MemoryKiB = 512 * 1024;

    /// <summary>argon2i(password, fixed salt): slow on purpose (about a second and 512 MiB of memory).</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> passwordUtf8)
    {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2i)
            .WithVersion(Argon2Parameters.Version13)
            .WithIterations(Argon2Iterations)
            .WithMemoryAsKB(Argon2MemoryKiB)
            .WithParallelism(1)
            .WithSalt(Salt.ToArray())
            .Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var key = new byte[KeyLength];
        var password = passwordUtf8.ToArray(); // BouncyCastle takes an array: zero the copy at once
        try { generator.GenerateBytes(password, key); }
        finally { CryptographicOperations.ZeroMemory(password); }
        return key;
    }

    /// <summary>Decrypts a whole $NACL keyfile. The caller zeroes the returned plaintext.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, ReadOnlySpan<byte> passwordUtf8, string path) =>
        Decrypt(file, passwordUtf8, path, DeriveKey);

    /// <summary>
    /// The same with the key derivation given: one argon2i run costs about a second, so the fuzzer passes a cheap
    /// one to reach the envelope and secretbox code thousands of times a second.
    /// </summary>
    internal static byte[] Decrypt(ReadOnlySpan<byte> file, ReadOnlySpan<byte> passwordUtf8, string path, KeyDerivation deriveKey)
    {
        if (KeyfileFormats.Detect(file) != KeyfileFormat.Nacl)
            throw new ArgumentException("Not a $NACL keyfile.", nameof(file));
        if (file.Length < PrefixLength + NonceLength + MacLength)
            throw new WalletFileException(WalletError.KeyfileNotJson, path, $"Keyfile '{path}' is a truncated $NACL file.");
        var key = deriveKey(passwordUtf8);
        try { return OpenSecretBox(key, file.Slice(PrefixLength, NonceLength), file[(PrefixLength + NonceLength)..], path); }
        finally { CryptographicOperations.ZeroMemory(key); }
    }

    /// <summary>NaCl crypto_secretbox_open_easy: the first 32 key-stream bytes key Poly1305, the rest decrypt.</summary>
    internal static byte[] OpenSecretBox(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> box, string path)
    {
        var stream = new XSalsa20Engine();
        stream.Init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        Span<byte> polyKey = stackalloc byte[32];
        polyKey.Clear();
        stream.ProcessBytes(polyKey, polyKey);

        var mac = new Poly1305();
        mac.Init(new KeyParameter(polyKey));
        CryptographicOperations.ZeroMemory(polyKey);
        var ciphertext = box[MacLength..];
        mac.BlockUpdate(ciphertext);
        Span<byte> tag = stackalloc byte[MacLength];
        mac.DoFinal(tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, box[..MacLength]))
            throw new WalletFileException(WalletError.WrongPassword, path,
                $"Could not decrypt '{path}': the password is wrong (or the file is damaged).");

        var plaintext = new byte[ciphertext.Length];
        stream.ProcessBytes(ciphertext, plaintext);
        return plaintext;
    }
}

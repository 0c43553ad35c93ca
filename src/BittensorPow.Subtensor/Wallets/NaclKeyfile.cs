namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// btwallet's "$NACL" keyfiles: "$NACL" ‖ nonce[24] ‖ secretbox(MAC[16] ‖ ciphertext), keyed by
/// argon2i (v1.3, t = 8, m = 512 MiB, p = 1, 32 bytes) of the password with a fixed salt — libsodium's
/// crypto_pwhash "sensitive" limits — then XSalsa20-Poly1305 (NaCl secretbox). Both run in libsodium, as in
/// btwallet: its argon2i is about three times faster than a managed one (docs/PERFORMANCE.md).
/// </summary>
public static class NaclKeyfile
{
    private const int NonceLength = 24, MacLength = 16, KeyLength = 32;
    private static readonly int PrefixLength = "$NACL"u8.Length;

    /// <summary>The salt every btwallet $NACL keyfile uses (bittensor_wallet's NACL_SALT).</summary>
    public static ReadOnlySpan<byte> Salt => [0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1];

    public const int Argon2Iterations = 8;
    public const int Argon2MemoryKiB = 512 * 1024;

    /// <summary>argon2i(password, fixed salt): slow on purpose (seconds, and 512 MiB of memory).</summary>
    /// <exception cref="LibsodiumUnavailableException">libsodium could not be loaded.</exception>
    public static byte[] DeriveKey(ReadOnlySpan<byte> passwordUtf8)
    {
        Libsodium.EnsureLoaded();
        var password = passwordUtf8.ToArray(); // Sodium.Core takes an array: zero the copy at once
        try
        {
            return PasswordHash.ArgonHashBinary(password, Salt.ToArray(), Argon2Iterations, Argon2MemoryKiB * 1024,
                KeyLength, PasswordHash.ArgonAlgorithm.Argon_2I13);
        }
        finally { CryptographicOperations.ZeroMemory(password); }
    }

    /// <summary>Seals a keyfile as btwallet does: "$NACL" ‖ a fresh random nonce ‖ secretbox under argon2i(password).</summary>
    /// <exception cref="LibsodiumUnavailableException">libsodium could not be loaded.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> passwordUtf8) =>
        Encrypt(plaintext, passwordUtf8, RandomNumberGenerator.GetBytes(NonceLength), DeriveKey);

    /// <summary>The same with the nonce and key derivation given (tests rebuild the shared btwallet coldkey byte for byte).</summary>
    internal static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> passwordUtf8, ReadOnlySpan<byte> nonce, KeyDerivation deriveKey)
    {
        if (nonce.Length != NonceLength) throw new ArgumentException("A secretbox nonce is 24 bytes.", nameof(nonce));
        var key = deriveKey(passwordUtf8);
        var message = plaintext.ToArray(); // Sodium.Core takes arrays: zero the copy at once
        try
        {
            Libsodium.EnsureLoaded();
            return [.. "$NACL"u8, .. nonce, .. SecretBox.Create(message, nonce.ToArray(), key)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(message);
        }
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

    /// <summary>NaCl crypto_secretbox_open_easy (box = MAC ‖ ciphertext); a MAC that fails means a wrong password.</summary>
    internal static byte[] OpenSecretBox(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> box, string path)
    {
        // Sodium.Core reads a box whose first 15 bytes are zero as NaCl's old zero-padded layout and cuts 16 bytes off
        // (a short box then underflows). A real MAC starts so with odds of 2^-120: such a box was never written by a
        // keyfile writer, so it is refused here as damaged rather than misread.
        if (box.Length < MacLength || !box[..(MacLength - 1)].ContainsAnyExcept((byte)0))
            throw new WalletFileException(WalletError.KeyfileNotJson, path,
                $"Keyfile '{path}' is a damaged $NACL file: its box has no MAC (it is short or starts with zero bytes). "
                + "Restore it from a backup or regenerate the key.");
        Libsodium.EnsureLoaded();
        var keyCopy = key.ToArray();
        try { return SecretBox.Open(box.ToArray(), nonce.ToArray(), keyCopy); }
        catch (CryptographicException)
        {
            throw new WalletFileException(WalletError.WrongPassword, path,
                $"Could not decrypt '{path}': the password is wrong (or the file is damaged).");
        }
        finally { CryptographicOperations.ZeroMemory(keyCopy); }
    }
}

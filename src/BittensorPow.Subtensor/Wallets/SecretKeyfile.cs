namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Reads a keyfile's SECRET into an <see cref="Sr25519KeyPair"/> (for signing extrinsics). Secrets are decoded
/// straight from the JSON bytes into arrays that are zeroed after use; no secret becomes a string, and no
/// message names a secret. Read a key only when it will sign: the proof of work needs only public keys.
/// </summary>
public static class SecretKeyfile
{
    /// <summary>
    /// The hotkey that signs a register extrinsic. Hotkeys are usually plain JSON; an encrypted one needs
    /// <paramref name="password"/>.
    /// </summary>
    public static Sr25519KeyPair ReadHotkey(string? root, string wallet, string hotkey, SecureString? password = null) =>
        Read(WalletPaths.Hotkey(root!, wallet, hotkey), password);

    /// <summary>The coldkey (needed to sign faucet and burned_register calls).</summary>
    public static Sr25519KeyPair ReadColdkey(string? root, string wallet, SecureString? password) =>
        Read(WalletPaths.Coldkey(root!, wallet), password);

    /// <summary>
    /// Whether the keyfile is encrypted, from its first bytes only, so a caller can skip the password prompt for a
    /// plain one. Legacy encryptions count too, but <see cref="Read"/> refuses them whatever the password: to prompt
    /// only when a password can help, test <see cref="KeyfileFormats.Read"/> for <see cref="KeyfileFormat.Nacl"/>.
    /// </summary>
    /// <exception cref="WalletFileException">KeyfileNotFound when <paramref name="path"/> does not exist.</exception>
    public static bool IsEncrypted(string path) => KeyfileFormats.Read(path).IsEncrypted();

    public static Sr25519KeyPair Read(string path, SecureString? password)
    {
        var raw = KeyfileBytes.Read(path);
        try
        {
            var format = KeyfileFormats.Detect(raw);
            if (format != KeyfileFormat.Nacl) return Parse(raw, path);
            if (password is null)
                throw new WalletFileException(WalletError.PasswordRequired, path, $"Keyfile '{path}' is encrypted: give its password.");
            var passwordUtf8 = ToUtf8(password);
            byte[]? plaintext = null;
            try
            {
                plaintext = NaclKeyfile.Decrypt(raw, passwordUtf8, path);
                return ParseDecrypted(plaintext, path);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passwordUtf8);
                if (plaintext is not null) CryptographicOperations.ZeroMemory(plaintext);
            }
        }
        finally { CryptographicOperations.ZeroMemory(raw); }
    }

    /// <summary>
    /// What a $NACL box held. Another envelope inside is not a keyfile: Parse would ask for "its password", which the
    /// user has just given, so it is named for what it is.
    /// </summary>
    internal static Sr25519KeyPair ParseDecrypted(ReadOnlySpan<byte> plaintext, string path) =>
        KeyfileFormats.Detect(plaintext) is KeyfileFormat.Json or KeyfileFormat.Unknown
            ? Parse(plaintext, path)
            : throw new WalletFileException(WalletError.KeyfileNotJson, path,
                $"Keyfile '{path}' decrypted with the password, but what it holds is another encrypted envelope, not a JSON Bittensor keyfile.");

    /// <summary>Parses an unencrypted keyfile: privateKey (either 64-byte form) or else secretSeed, checked against publicKey.</summary>
    public static Sr25519KeyPair Parse(ReadOnlySpan<byte> json, string path)
    {
        var format = KeyfileFormats.Detect(json);
        if (format is KeyfileFormat.AnsibleVault or KeyfileFormat.Fernet) throw KeyfileFormats.LegacyEncryption(format, path);
        if (format == KeyfileFormat.Nacl)
            throw new WalletFileException(WalletError.PasswordRequired, path, $"Keyfile '{path}' is encrypted: give its password.");

        byte[]? privateKey = null, secretSeed = null, publicKey = null;
        try
        {
            try
            {
                var reader = new Utf8JsonReader(json);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) { reader.Skip(); continue; }
                    switch (name)
                    {
                        case "privateKey": privateKey = HexValue(ref reader); break;
                        case "secretSeed": secretSeed = HexValue(ref reader); break;
                        case "publicKey": publicKey = HexValue(ref reader); break;
                    }
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new WalletFileException(WalletError.KeyfileNotJson, path, $"Keyfile '{path}' is not a JSON Bittensor keyfile.");
            }

            publicKey ??= PublicKeyfile.ParsePublicKey(json, path);
            if (publicKey.Length != 32)
                throw new WalletFileException(WalletError.KeyfileNoPublicKey, path, $"Keyfile '{path}' has a publicKey that is not 32 bytes.");

            if (privateKey is { Length: 64 })
            {
                try { return Sr25519KeyPair.FromSecretKey(privateKey, publicKey); }
                catch (CryptographicException) { throw Mismatch(path); }
            }
            if (secretSeed is { Length: 32 })
            {
                var pair = Sr25519KeyPair.FromMiniSecret(secretSeed);
                if (CryptographicOperations.FixedTimeEquals(pair.PublicKey, publicKey)) return pair;
                pair.Dispose();
                throw Mismatch(path);
            }
            throw new WalletFileException(WalletError.KeyfileNoSecret, path,
                $"Keyfile '{path}' holds no usable secret (no 64-byte privateKey or 32-byte secretSeed); it may be a public-only file.");
        }
        finally
        {
            if (privateKey is not null) CryptographicOperations.ZeroMemory(privateKey);
            if (secretSeed is not null) CryptographicOperations.ZeroMemory(secretSeed);
        }
    }

    private static WalletFileException Mismatch(string path) => new(WalletError.KeyfileKeyMismatch, path,
        $"Keyfile '{path}': its secret key does not produce its publicKey; the file is damaged or was edited.");

    /// <summary>Decodes a "0x…" hex string value straight from the reader's UTF-8 bytes (no intermediate string).</summary>
    private static byte[] HexValue(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) throw new FormatException("Escaped hex in keyfile.");
        var text = reader.ValueSpan;
        if (text.StartsWith("0x"u8) || text.StartsWith("0X"u8)) text = text[2..];
        if (text.Length % 2 != 0) throw new FormatException("Odd-length hex in keyfile.");
        var bytes = new byte[text.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)((Nibble(text[2 * i]) << 4) | Nibble(text[2 * i + 1]));
        return bytes;
    }

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw new FormatException("Invalid hex digit in keyfile."),
    };

    /// <summary>The password's UTF-8 bytes; the unmanaged UTF-16 copy is zeroed and freed at once.</summary>
    public static unsafe byte[] ToUtf8(SecureString password)
    {
        IntPtr unicode = Marshal.SecureStringToGlobalAllocUnicode(password);
        try
        {
            var chars = new ReadOnlySpan<char>((void*)unicode, password.Length);
            var bytes = new byte[Encoding.UTF8.GetByteCount(chars)];
            Encoding.UTF8.GetBytes(chars, bytes);
            return bytes;
        }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(unicode); }
    }
}

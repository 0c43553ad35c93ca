namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// A key made from a BIP-39 phrase as btcli makes it (sp-core's Pair::from_phrase, no BIP-39 password: the phrase's
/// entropy → substrate-bip39 mini secret → sr25519), held as the bytes of its keyfile (JSON, or sealed in $NACL when a
/// password is given) and of its public file, ready for <see cref="WalletWriter"/>. Dispose zeroes the keyfile's bytes.
/// </summary>
public sealed class NewKeyfile : IDisposable
{
    private NewKeyfile(string path, string publicPath, byte[] content, byte[] publicKey, bool encrypted)
    {
        Path = path;
        PublicPath = publicPath;
        Content = content;
        PublicKey = publicKey;
        Encrypted = encrypted;
    }

    /// <summary>The keyfile (coldkey, hotkeys/&lt;name&gt;).</summary>
    public string Path { get; }
    /// <summary>Its public file (coldkeypub.txt, hotkeys/&lt;name&gt;pub.txt).</summary>
    public string PublicPath { get; }
    public byte[] PublicKey { get; }
    public bool Encrypted { get; }
    internal byte[] Content { get; }
    /// <summary>The public file's JSON, which says nothing but the public key.</summary>
    internal byte[] PublicContent => KeyfileJson.Public(PublicKey);

    /// <summary>The key of <paramref name="phrase"/>; with <paramref name="password"/> its keyfile is sealed ($NACL, seconds of argon2i).</summary>
    /// <exception cref="FormatException">The phrase is not a valid English BIP-39 mnemonic (the message never quotes a word).</exception>
    public static NewKeyfile FromPhrase(string path, string publicPath, string phrase, SecureString? password)
    {
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string normalized = string.Join(' ', words).ToLowerInvariant();
        var entropy = SubstrateBip39.PhraseToEntropy(normalized);
        byte[]? mini = null, json = null;
        try
        {
            mini = SubstrateBip39.MiniSecretFromEntropy(entropy);
            using var pair = Sr25519KeyPair.FromMiniSecret(mini);
            json = KeyfileJson.Secret(pair, normalized, mini);
            var content = password is null ? json : Seal(json, password);
            var publicKey = pair.PublicKey;
            return new NewKeyfile(path, publicPath, content, publicKey, password is not null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
            if (mini is not null) CryptographicOperations.ZeroMemory(mini);
            if (password is not null && json is not null) CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>The same for a phrase given as a SecureString (regenerating a key from its mnemonic).</summary>
    public static unsafe NewKeyfile FromMnemonic(string path, string publicPath, SecureString mnemonic, SecureString? password)
    {
        IntPtr unicode = Marshal.SecureStringToGlobalAllocUnicode(mnemonic);
        try { return FromPhrase(path, publicPath, new string((char*)unicode, 0, mnemonic.Length), password); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(unicode); }
    }

    private static byte[] Seal(byte[] json, SecureString password)
    {
        var passwordUtf8 = SecretKeyfile.ToUtf8(password);
        try { return NaclKeyfile.Encrypt(json, passwordUtf8); }
        finally { CryptographicOperations.ZeroMemory(passwordUtf8); }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(Content);
}

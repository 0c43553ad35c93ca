namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// substrate-bip39: a mnemonic becomes a 32-byte mini secret through PBKDF2-SHA512 of the phrase's ENTROPY
/// (not of the phrase text, which is where it differs from BIP39 seeds), salt "mnemonic" + password, 2048 rounds.
/// </summary>
public static class SubstrateBip39
{
    /// <summary>The public development phrase Substrate uses for //Alice, //Bob, ….</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    /// <summary>The entropy a 12/15/18/21/24-word English phrase encodes; its checksum is verified.</summary>
    public static byte[] PhraseToEntropy(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
            throw new FormatException($"A mnemonic has 12, 15, 18, 21 or 24 words; this one has {words.Length}.");
        int totalBits = words.Length * 11;
        int checksumBits = totalBits / 33;
        int entropyBytes = (totalBits - checksumBits) / 8;
        var bits = new byte[(totalBits + 7) / 8];
        try
        {
            for (int w = 0; w < words.Length; w++)
            {
                // Never echo the word: it is part of a secret.
                if (!Bip39WordList.TryIndexOf(words[w].ToLowerInvariant(), out int index))
                    throw new FormatException($"Word {w + 1} of the mnemonic is not in the BIP39 English word list.");
                for (int b = 0; b < 11; b++)
                    if ((index & (1 << (10 - b))) != 0)
                    {
                        int bit = w * 11 + b;
                        bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
                    }
            }
            var entropy = bits.AsSpan(0, entropyBytes).ToArray();
            byte expected = (byte)(SHA256.HashData(entropy)[0] & (0xFF << (8 - checksumBits)));
            byte actual = (byte)(bits[entropyBytes] & (0xFF << (8 - checksumBits)));
            if (expected != actual)
            {
                CryptographicOperations.ZeroMemory(entropy);
                throw new FormatException("The mnemonic's checksum is wrong: a word is mistyped or out of order.");
            }
            return entropy;
        }
        finally { CryptographicOperations.ZeroMemory(bits); }
    }

    public static byte[] MiniSecretFromEntropy(ReadOnlySpan<byte> entropy, string password = "")
    {
        if (entropy.Length < 16 || entropy.Length > 32 || entropy.Length % 4 != 0)
            throw new ArgumentException("BIP39 entropy is 16 to 32 bytes, a multiple of 4.", nameof(entropy));
        var salt = Encoding.UTF8.GetBytes("mnemonic" + password);
        var seed = Rfc2898DeriveBytes.Pbkdf2(entropy, salt, 2048, HashAlgorithmName.SHA512, 64);
        CryptographicOperations.ZeroMemory(salt);
        var mini = seed.AsSpan(0, 32).ToArray();
        CryptographicOperations.ZeroMemory(seed);
        return mini;
    }

    public static byte[] MiniSecretFromPhrase(string phrase, string password = "")
    {
        var entropy = PhraseToEntropy(phrase);
        try { return MiniSecretFromEntropy(entropy, password); }
        finally { CryptographicOperations.ZeroMemory(entropy); }
    }
}

namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// New BIP-39 English mnemonics, as btwallet makes them (bip39's Mnemonic::generate): entropy from the OS's CSPRNG,
/// then the SHA-256 checksum bits, read as 11-bit word indices.
/// </summary>
public static class MnemonicGenerator
{
    /// <summary>A new phrase of 12, 15, 18, 21 or 24 words (128 to 256 bits of entropy).</summary>
    public static string Generate(int wordCount)
    {
        if (wordCount is not (12 or 15 or 18 or 21 or 24))
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "A BIP-39 mnemonic has 12, 15, 18, 21 or 24 words.");
        var entropy = RandomNumberGenerator.GetBytes(wordCount / 3 * 4);
        try { return FromEntropy(entropy); }
        finally { CryptographicOperations.ZeroMemory(entropy); }
    }

    /// <summary>The phrase that encodes <paramref name="entropy"/> (16 to 32 bytes, a multiple of 4).</summary>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length < 16 || entropy.Length > 32 || entropy.Length % 4 != 0)
            throw new ArgumentException("BIP-39 entropy is 16 to 32 bytes, a multiple of 4.", nameof(entropy));
        int checksumBits = entropy.Length / 4;
        // The entropy, then one byte holding the checksum's first bits: the words are read from these bits.
        var bits = new byte[entropy.Length + 1];
        try
        {
            entropy.CopyTo(bits);
            bits[^1] = SHA256.HashData(entropy)[0];
            int wordCount = (entropy.Length * 8 + checksumBits) / 11;
            var words = new string[wordCount];
            for (int w = 0; w < wordCount; w++)
            {
                int index = 0;
                for (int b = 0; b < 11; b++)
                {
                    int bit = w * 11 + b;
                    index = (index << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
                }
                words[w] = Bip39WordList.Words[index];
            }
            return string.Join(' ', words);
        }
        finally { CryptographicOperations.ZeroMemory(bits); }
    }
}

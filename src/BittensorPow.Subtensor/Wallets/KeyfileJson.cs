namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// A keyfile's JSON as bittensor-wallet writes it: the fields accountId, publicKey, privateKey (schnorrkel's 64-byte
/// scalar ‖ nonce), secretPhrase, secretSeed (the 32-byte mini secret) and ss58Address, in that order, with Python's
/// ", " and ": " separators; a public file (coldkeypub.txt, &lt;hotkey&gt;pub.txt) has accountId, publicKey and
/// ss58Address only. The shared btwallet wallet (../shared/wallet) is byte-for-byte what this writes for its phrases.
/// Secrets go straight into a byte array the caller zeroes; none becomes a string here.
/// </summary>
internal static class KeyfileJson
{
    // The longest keyfile: three 66-character hex values, a 130-character one, a 24-word phrase, the address, the names.
    private const int MaxLength = 1024;

    /// <summary>The full keyfile of a key made from <paramref name="phrase"/>. The caller zeroes the result.</summary>
    public static byte[] Secret(Sr25519KeyPair pair, string phrase, ReadOnlySpan<byte> miniSecret)
    {
        var privateKey = pair.ExportSecret(Sr25519SecretFormat.Schnorrkel);
        var scratch = new byte[MaxLength];
        try
        {
            int n = 0;
            var publicKey = pair.PublicKey;
            n = Append(scratch, n, "{\"accountId\": \"0x"u8);
            n = AppendHex(scratch, n, publicKey);
            n = Append(scratch, n, "\", \"publicKey\": \"0x"u8);
            n = AppendHex(scratch, n, publicKey);
            n = Append(scratch, n, "\", \"privateKey\": \"0x"u8);
            n = AppendHex(scratch, n, privateKey);
            n = Append(scratch, n, "\", \"secretPhrase\": \""u8);
            n += Encoding.ASCII.GetBytes(phrase, scratch.AsSpan(n));
            n = Append(scratch, n, "\", \"secretSeed\": \"0x"u8);
            n = AppendHex(scratch, n, miniSecret);
            n = Append(scratch, n, "\", \"ss58Address\": \""u8);
            n += Encoding.ASCII.GetBytes(Ss58.Encode(publicKey), scratch.AsSpan(n));
            n = Append(scratch, n, "\"}"u8);
            return scratch[..n];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
            CryptographicOperations.ZeroMemory(scratch);
        }
    }

    /// <summary>A public file: accountId, publicKey, ss58Address.</summary>
    public static byte[] Public(ReadOnlySpan<byte> publicKey)
    {
        string hex = Convert.ToHexStringLower(publicKey);
        return Encoding.ASCII.GetBytes($"{{\"accountId\": \"0x{hex}\", \"publicKey\": \"0x{hex}\", \"ss58Address\": \"{Ss58.Encode(publicKey)}\"}}");
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    private static int Append(byte[] buffer, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer.AsSpan(at));
        return at + text.Length;
    }

    private static int AppendHex(byte[] buffer, int at, ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            buffer[at++] = HexDigits[b >> 4];
            buffer[at++] = HexDigits[b & 15];
        }
        return at;
    }
}

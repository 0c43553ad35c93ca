namespace BittensorPow.Subtensor.Keys;

/// <summary>SS58 addresses for 32-byte account ids with a one-byte network prefix (Bittensor uses 42).</summary>
public static class Ss58
{
    public const ushort BittensorPrefix = 42;
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly byte[] ChecksumPrefix = "SS58PRE"u8.ToArray();

    /// <summary>
    /// 35 bytes need at most 48 base58 digits (58^48 > 256^35, and each leading zero byte is one '1'). Checked
    /// before decoding because base58 decoding is quadratic in the text's length.
    /// </summary>
    public const int MaxAddressLength = 48;

    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = BittensorPrefix)
    {
        if (publicKey.Length != 32) throw new ArgumentException("An account id is exactly 32 bytes.", nameof(publicKey));
        if (prefix > 63) throw new ArgumentOutOfRangeException(nameof(prefix), "Only one-byte SS58 prefixes (0-63) are supported.");
        var body = new byte[35];
        body[0] = (byte)prefix;
        publicKey.CopyTo(body.AsSpan(1));
        Checksum(body.AsSpan(0, 33)).CopyTo(body.AsSpan(33));
        return Base58Encode(body);
    }

    /// <summary>Decodes an SS58 address, checking its checksum and (when given) its prefix.</summary>
    public static byte[] Decode(string address, ushort? expectedPrefix = BittensorPrefix)
    {
        if (!TryDecode(address, expectedPrefix, out var key, out var error)) throw new Ss58FormatException(error!);
        return key!;
    }

    public static bool TryDecode(string address, ushort? expectedPrefix, out byte[]? publicKey, out string? error)
    {
        publicKey = null;
        if (string.IsNullOrWhiteSpace(address)) { error = "The address is empty."; return false; }
        if (address.Trim().Length > MaxAddressLength)
        {
            error = $"'{Shorten(address)}' is {address.Trim().Length} characters; "
                + $"an SS58 account address has at most {MaxAddressLength}.";
            return false;
        }
        if (!TryBase58Decode(address.Trim(), out var raw))
        { error = $"'{address}' is not base58: it contains characters outside the SS58 alphabet."; return false; }
        if (raw.Length != 35)
        {
            error = $"'{address}' decodes to {raw.Length} bytes; "
                + "an SS58 account address has 35 (prefix, 32-byte key, 2-byte checksum).";
            return false;
        }
        if (raw[0] > 63)
        { error = $"'{address}' uses a two-byte SS58 prefix, which is not a Bittensor address."; return false; }
        var expected = Checksum(raw.AsSpan(0, 33));
        if (raw[33] != expected[0] || raw[34] != expected[1])
        { error = $"'{address}' has a bad SS58 checksum: a character was mistyped or lost."; return false; }
        if (expectedPrefix is { } p && raw[0] != p)
        { error = $"'{address}' has SS58 prefix {raw[0]}, but Bittensor addresses use prefix {p}."; return false; }
        publicKey = raw.AsSpan(1, 32).ToArray();
        error = null;
        return true;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private static byte[] Checksum(ReadOnlySpan<byte> prefixAndKey)
    {
        var input = new byte[ChecksumPrefix.Length + prefixAndKey.Length];
        ChecksumPrefix.CopyTo(input, 0);
        prefixAndKey.CopyTo(input.AsSpan(ChecksumPrefix.Length));
        return SubstrateHash.Blake2b512(input)[..2];
    }

    // Base58 is hand-written: the BCL has none and no chosen package exposes it.
    private static string Base58Encode(ReadOnlySpan<byte> data)
    {
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new System.Text.StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var rem);
            chars.Insert(0, Alphabet[(int)rem]);
        }
        foreach (var b in data) { if (b != 0) break; chars.Insert(0, '1'); }
        return chars.ToString();
    }

    private static bool TryBase58Decode(string text, out byte[] data)
    {
        BigInteger value = 0;
        foreach (char c in text)
        {
            int digit = Alphabet.IndexOf(c);
            if (digit < 0) { data = []; return false; }
            value = value * 58 + digit;
        }
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        int leading = text.TakeWhile(c => c == '1').Count();
        data = new byte[leading + body.Length];
        body.CopyTo(data, leading);
        return true;
    }
}

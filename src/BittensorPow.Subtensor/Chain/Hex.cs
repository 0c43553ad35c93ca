namespace BittensorPow.Subtensor.Chain;

/// <summary>The "0x…" hex that Substrate JSON-RPC uses for bytes, hashes and (in headers) numbers.</summary>
public static class Hex
{
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var body = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (body.Length % 2 != 0) throw new FormatException($"'{Shorten(hex)}' has an odd number of hex digits.");
        try { return Convert.FromHexString(body); }
        catch (FormatException) { throw new FormatException($"'{Shorten(hex)}' is not valid hex."); }
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>
    /// Parses a hex quantity. Nodes send minimal hex ("0x3"), chopsticks zero-padded ("0x00000003"); both are accepted.
    /// </summary>
    public static ulong ParseQuantity(string hex)
    {
        var body = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (body.Length == 0 || !ulong.TryParse(body, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value))
            throw new FormatException($"'{Shorten(hex)}' is not a hex number.");
        return value;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

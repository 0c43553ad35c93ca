namespace BittensorPow.Subtensor.Chain.Text;

/// <summary>
/// The "0x…" hex that Substrate JSON-RPC, explorers and btcli use for bytes, hashes and (in headers) numbers: the one
/// place hex is parsed and printed.
/// </summary>
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

    /// <summary>
    /// Parses text a person pasted (surrounding spaces and the 0x prefix optional) that must hold exactly
    /// <paramref name="length"/> bytes; <paramref name="error"/> says what is wrong in words a user can act on.
    /// </summary>
    public static bool TryDecodeFixed(string? text, int length, out byte[] bytes, out string error)
    {
        bytes = [];
        var value = (text ?? "").Trim();
        var body = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        if (body.Length == 0 || body.Length % 2 != 0 || !body.All(Uri.IsHexDigit))
        {
            error = $"'{Shorten(text ?? "")}' is not valid hex.";
            return false;
        }
        if (body.Length != 2 * length)
        {
            error = $"'{Shorten(text!)}' is {body.Length / 2} bytes long; it must be exactly {length} bytes ({2 * length} hex digits).";
            return false;
        }
        bytes = Convert.FromHexString(body);
        error = "";
        return true;
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

    /// <summary>Long input is cut in messages: a pasted megabyte must not be echoed whole.</summary>
    public static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

namespace BittensorPow.Subtensor.Keys;

/// <summary>Parses the two ways users write an account: SS58 (prefix 42) or 0x hex of exactly 32 bytes.</summary>
public static class AccountId
{
    public static bool TryParse(string text, out byte[]? publicKey, out string? error)
    {
        publicKey = null;
        text = (text ?? "").Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var hex = text[2..];
            if (hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
            { error = $"'{text}' is not valid hex."; return false; }
            if (hex.Length != 64)
            { error = $"'{text}' is {hex.Length / 2} bytes; a public key is exactly 32 bytes (64 hex digits)."; return false; }
            publicKey = Convert.FromHexString(hex);
            error = null;
            return true;
        }
        return Ss58.TryDecode(text, Ss58.BittensorPrefix, out publicKey, out error);
    }
}

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
            bool ok = Chain.Text.Hex.TryDecodeFixed(text, 32, out var key, out var hexError);
            publicKey = ok ? key : null;
            error = ok ? null : hexError;
            return ok;
        }
        return Ss58.TryDecode(text, Ss58.BittensorPrefix, out publicKey, out error);
    }
}

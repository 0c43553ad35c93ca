using BittensorPow.Cmdlets.Hosting;

namespace BittensorPow.Cmdlets.Input;

/// <summary>Parses the 0x-prefixed hex users paste from explorers and btcli.</summary>
internal static class HexInput
{
    public static byte[] Parse32(string? text, string what, string errorId)
    {
        var value = (text ?? "").Trim();
        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
            throw new PowErrorRecordException(PowErrors.InvalidArgument(errorId, text,
                $"{what} '{text}' is not valid hex.",
                $"Pass {what} as 0x followed by 64 hex digits, as shown by a block explorer or Get-SubtensorBlock."));
        if (hex.Length != 64)
            throw new PowErrorRecordException(PowErrors.InvalidArgument(errorId, text,
                $"{what} '{text}' is {hex.Length / 2} bytes long; it must be exactly 32 bytes (64 hex digits).",
                $"Check that {what} was copied whole."));
        return Convert.FromHexString(hex);
    }

    public static string Format(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

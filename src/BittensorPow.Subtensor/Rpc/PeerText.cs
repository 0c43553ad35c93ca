namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// Text a peer sent (a node's error, a reply that is not JSON-RPC, a close reason, runtime metadata) on its way into a
/// message for people: control and other non-printable characters are shown escaped, and it is cut, so that a broken or
/// hostile peer can neither drive the terminal with escape sequences nor flood a message with its bytes.
/// </summary>
public static class PeerText
{
    /// <summary>The most characters a peer's text takes in a message, the ellipsis that marks a cut included.</summary>
    public const int MaxLength = 200;

    private const string Ellipsis = "…";

    public static string Quote(string? text, int max = MaxLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var shown = new StringBuilder(Math.Min(text.Length, max));
        int i = 0;
        while (i < text.Length)
        {
            string piece;
            if (Rune.TryGetRuneAt(text, i, out var rune)) { piece = Show(rune); i += rune.Utf16SequenceLength; }
            else { piece = $"\\u{{{(int)text[i]:X4}}}"; i++; } // a lone surrogate
            if (!Append(shown, piece, max, more: i < text.Length)) break;
        }
        return shown.ToString();
    }

    /// <summary>Bytes that should have been UTF-8 text: valid sequences as text, every byte of an invalid one as \xNN.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8, int max = MaxLength)
    {
        var shown = new StringBuilder(Math.Min(utf8.Length, max));
        int i = 0;
        while (i < utf8.Length)
        {
            string piece;
            if (Rune.DecodeFromUtf8(utf8[i..], out var rune, out int used) == System.Buffers.OperationStatus.Done) piece = Show(rune);
            else piece = string.Concat(utf8.Slice(i, Math.Max(used, 1)).ToArray().Select(b => $"\\x{b:X2}"));
            i += Math.Max(used, 1);
            if (!Append(shown, piece, max, more: i < utf8.Length)) break;
        }
        return shown.ToString();
    }

    /// <summary>Adds a piece whole, or the ellipsis when the piece (and, if more follows, the ellipsis) would pass the limit.</summary>
    private static bool Append(StringBuilder shown, string piece, int max, bool more)
    {
        int room = max - shown.Length - (more ? Ellipsis.Length : 0);
        if (piece.Length <= room) { shown.Append(piece); return true; }
        if (shown.Length + Ellipsis.Length <= max) shown.Append(Ellipsis);
        return false;
    }

    private static string Show(Rune rune) => rune.Value switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\\' => "\\\\",
        < 0x20 or 0x7F or (>= 0x80 and < 0xA0) => $"\\x{rune.Value:X2}",
        0xFFFD => "\\u{FFFD}",
        _ when IsPrintable(Rune.GetUnicodeCategory(rune)) => rune.ToString(),
        _ => $"\\u{{{rune.Value:X4}}}",
    };

    private static bool IsPrintable(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}

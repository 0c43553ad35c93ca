namespace BittensorPow.Registration.Input;

/// <summary>
/// The longest text each kind of value may be, checked before anything parses it: converting a 50 MB string to a number
/// takes PowerShell minutes of CPU and then an error that quotes all of it.
/// </summary>
public static class TextBounds
{
    public static int MaxLength(TextKind kind) => kind switch
    {
        TextKind.Number => 64,
        TextKind.Hash or TextKind.Key => 256,
        TextKind.Name => 255,
        _ => 4096,
    };

    private static string Noun(TextKind kind) => kind switch
    {
        TextKind.Number => "a number",
        TextKind.Hash => "a hash (0x and 64 hex digits)",
        TextKind.Key => "an SS58 address or a 0x public key",
        TextKind.Url => "a node's URL",
        TextKind.Name => "a name",
        _ => "a folder path",
    };

    /// <summary>Why <paramref name="value"/> is refused (a sentence quoting a short prefix), or null when its length is fine.</summary>
    public static string? TooLong(object? value, TextKind kind)
    {
        if (value is not string text || text.Length <= MaxLength(kind)) return null;
        return $"The value is {text.Length:N0} characters long, and {Noun(kind)} is at most {MaxLength(kind):N0}: " +
            $"'{PeerText.Quote(text, 40)}'.";
    }

    /// <summary>The same bound for a value read from a piped object's property (a solution piped to a cmdlet).</summary>
    public static void Check(string property, object? value, TextKind kind)
    {
        if (TooLong(value, kind) is { } why)
            throw PowException.Argument(ErrorIds.InputTooLong, property, $"The piped object's {property} is refused: {why}",
                $"Pipe a solution as New-PowSolution writes it; {property} is never longer than {MaxLength(kind):N0} characters.");
    }
}

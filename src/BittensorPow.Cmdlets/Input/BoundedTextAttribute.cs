namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Refuses text far longer than anything its parameter can hold, before PowerShell converts it: converting a 50 MB string
/// to a number takes PowerShell minutes of CPU and then an error that quotes all of it. Runs first among a parameter's
/// attributes, so the refusal is PowerShell's ParameterArgumentTransformationError (InvalidData), quoting a short prefix.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BoundedTextAttribute(TextKind kind) : ArgumentTransformationAttribute
{
    public TextKind Kind { get; } = kind;

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

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (TooLong(inputData, Kind) is { } why) throw new ArgumentTransformationMetadataException(why);
        return inputData;
    }

    /// <summary>Why <paramref name="value"/> is refused (a sentence quoting a short prefix), or null when its length is fine.</summary>
    public static string? TooLong(object? value, TextKind kind)
    {
        if ((value is PSObject p ? p.BaseObject : value) is not string text || text.Length <= MaxLength(kind)) return null;
        return $"The value is {text.Length:N0} characters long, and {Noun(kind)} is at most {MaxLength(kind):N0}: '{PeerText.Quote(text, 40)}'.";
    }

    /// <summary>The same bound for a value read from a piped object's property (Register-SubtensorNeuron's -Solution).</summary>
    public static void Check(string property, object? value, TextKind kind)
    {
        if (TooLong(value, kind) is { } why)
            throw PowException.Argument(ErrorIds.InputTooLong, property, $"The piped object's {property} is refused: {why}",
                $"Pipe a solution as New-PowSolution writes it; {property} is never longer than {MaxLength(kind):N0} characters.");
    }
}

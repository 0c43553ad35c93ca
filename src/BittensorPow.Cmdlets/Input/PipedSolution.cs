using System.Management.Automation;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// A solution piped as any object — a PowSolution, or one that went through JSON or CSV (numbers as text, the byte
/// order as a name or a number) — read by property name once, with an error that names the property at fault.
/// </summary>
internal static class PipedSolution
{
    public static Solution Read(PSObject input, SealByteOrder? orderParameter)
    {
        if (input.BaseObject is PowSolution p) return FromPowSolution(p);
        var nonce = Number<ulong>(input, "Nonce");
        var blockNumber = Number<ulong>(input, "BlockNumber");
        var blockHash = UserInput.BlockHash(Text(input, "BlockHash"));
        var difficulty = Number<ulong>(input, "Difficulty");
        // Hotkey is a required field, as the help says: HotkeyPublicKey (also in a PowSolution) only stands beside it.
        var hotkey = UserInput.Hotkey(Text(input, "Hotkey"));
        var order = ByteOrder(input, orderParameter);
        // A seal is derived from the other fields; one given must match (the workflow's checks compare it).
        var sealText = Optional(input, "Seal");
        var seal = sealText is null ? Engine.Seal.Compute(Engine.Seal.BlockAndHotkeyHash(blockHash.AsSpan(), hotkey), nonce) : UserInput.Seal(sealText);
        var netUidText = Optional(input, "NetUid");
        return new Solution(nonce, blockNumber, blockHash, difficulty, seal, hotkey, order)
        {
            NetUid = netUidText is null ? null : Number<ushort>(input, "NetUid"),
            Endpoint = Optional(input, "Endpoint"),
        };
    }

    private static Solution FromPowSolution(PowSolution s) =>
        new(s.Nonce, s.BlockNumber, UserInput.BlockHash(s.BlockHash), s.Difficulty, UserInput.Seal(s.Seal), UserInput.Hotkey(s.HotkeyPublicKey), s.SealByteOrder)
        { NetUid = s.NetUid, Endpoint = s.Endpoint };

    /// <summary>A byte order by name (LittleEndian, BigEndian, case-insensitive) or by its number as ConvertTo-Json writes it.</summary>
    public static SealByteOrder ByteOrder(PSObject input, SealByteOrder? orderParameter)
    {
        var text = Optional(input, "SealByteOrder");
        if (text is null)
            return orderParameter ?? throw Missing(input, "SealByteOrder", " (or pass -SealByteOrder LittleEndian or BigEndian)");
        if (!text.All(char.IsAsciiDigit) && Enum.TryParse<SealByteOrder>(text, ignoreCase: true, out var named)) return named;
        if (int.TryParse(text, out var n) && Enum.IsDefined((SealByteOrder)n)) return (SealByteOrder)n;
        throw PowException.Argument(ErrorIds.InvalidSealByteOrder, text,
            $"SealByteOrder '{Subtensor.Chain.Hex.Shorten(text)}' is not a known byte order.",
            $"Use LittleEndian or BigEndian (or {(int)SealByteOrder.LittleEndian} and {(int)SealByteOrder.BigEndian}, as ConvertTo-Json writes them).");
    }

    private static T Number<T>(PSObject input, string name) where T : struct
    {
        var value = Value(input, name) ?? throw Missing(input, name);
        if (LanguagePrimitives.TryConvertTo<T>(value is string s ? s.Trim() : value, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        throw PowException.Argument(ErrorIds.MissingSolutionField, value,
            $"The piped solution's {name} '{value}' is not a whole number from 0 to {typeof(T).GetField("MaxValue")!.GetValue(null)}.",
            $"Give {name} as a number, as New-PowSolution writes it (ConvertTo-Json and Export-Csv keep it).");
    }

    private static string Text(PSObject input, string name) => Optional(input, name) ?? throw Missing(input, name);

    private static string? Optional(PSObject input, string name) =>
        Value(input, name) is { } v && Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private static object? Value(PSObject input, string name)
    {
        var value = input.Properties[name]?.Value switch
        {
            PSObject o => o.BaseObject,
            var v => v,
        };
        // Refused by length before anything parses it: converting 50 MB of digits costs minutes, quoting them a flood.
        BoundedTextAttribute.Check(name, value, name switch
        {
            "BlockHash" or "Seal" => TextKind.Hash,
            "Hotkey" => TextKind.Key,
            "Endpoint" => TextKind.Url,
            "SealByteOrder" => TextKind.Name,
            _ => TextKind.Number,
        });
        return value;
    }

    private static PowException Missing(PSObject input, string name, string extra = "") => PowException.Argument(ErrorIds.MissingSolutionField, input,
        $"The piped object has no {name} property{extra}; a solution needs Nonce, BlockNumber, BlockHash, Difficulty, Hotkey and SealByteOrder (Seal, NetUid and Endpoint are optional).",
        "Pipe New-PowSolution's output, as it is or saved and read back (ConvertTo-Json/ConvertFrom-Json, Export-Csv/Import-Csv).");
}

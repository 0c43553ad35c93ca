namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// A solution piped as any object — a PowSolution, or one that went through JSON or CSV (numbers as text, enums as a name
/// or a number) — read by property name once, with an error that names the property at fault. A solution without
/// Scheme is a legacy one. A spread search's hosts send their solutions back through it too (Remoting/PSSessionHost).
/// </summary>
internal static class PipedSolution
{
    public static Solution Read(PSObject input, SealByteOrder? orderParameter)
    {
        var scheme = Scheme(input);
        var nonce = Number<ulong>(input, "Nonce");
        // Hotkey is a required field, as the help says: HotkeyPublicKey (also in a PowSolution) only stands beside it.
        var work = new WorkBinding(scheme, Number<ulong>(input, "BlockNumber"), UserInput.BlockHash(Text(input, "BlockHash")),
            UserInput.Hotkey(Text(input, "Hotkey")))
        {
            NetUid = Optional(input, "NetUid") is null ? null : Number<ushort>(input, "NetUid"),
            Coldkey = (Optional(input, "Coldkey") ?? Optional(input, "ColdkeyPublicKey")) is { } c ? UserInput.Coldkey(c) : null,
            SealByteOrder = scheme == SealScheme.Legacy ? ByteOrder(input, orderParameter) : Enumeration<SealByteOrder>(input, "SealByteOrder"),
        };
        var (challenge, rule) = work.ToChallenge();
        var difficulty = Difficulties.FromUser(Number<ulong>(input, "Difficulty"));
        // A seal is derived from the other fields; one given must match (the workflow's checks compare it).
        var sealText = Optional(input, "Seal");
        return new Solution(challenge, difficulty, nonce, sealText is null ? challenge.ComputeSeal(nonce) : UserInput.Seal(sealText))
        {
            NetUid = work.NetUid, Endpoint = Optional(input, "Endpoint"), SealRule = Optional(input, "SealRule") ?? rule,
            Backend = Optional(input, "Backend") ?? "",
        };
    }

    /// <summary>Legacy when the object has no Scheme (solutions saved before pow_register); else by name or number.</summary>
    public static SealScheme Scheme(PSObject input) => Enumeration<SealScheme>(input, "Scheme") ?? SealScheme.Legacy;

    /// <summary>A byte order by name (LittleEndian, BigEndian, case-insensitive) or by its number as ConvertTo-Json writes it.</summary>
    public static SealByteOrder ByteOrder(PSObject input, SealByteOrder? orderParameter) =>
        Enumeration<SealByteOrder>(input, "SealByteOrder") ?? orderParameter
        ?? throw Missing(input, "SealByteOrder", " (or pass -SealByteOrder LittleEndian or BigEndian)");

    private static T? Enumeration<T>(PSObject input, string name) where T : struct, Enum
    {
        var text = Optional(input, name);
        if (text is null) return null;
        if (!text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var named)) return named;
        if (int.TryParse(text, out var n) && Enum.IsDefined(typeof(T), n)) return (T)Enum.ToObject(typeof(T), n);
        var known = Enum.GetValues<T>();
        throw PowException.Argument(name == "Scheme" ? ErrorIds.InvalidScheme : ErrorIds.InvalidSealByteOrder, text,
            $"{name} '{Subtensor.Chain.Text.Hex.Shorten(text)}' is not a known {(name == "Scheme" ? "seal scheme" : "byte order")}.",
            $"Use {string.Join(" or ", known)} (or {string.Join(" and ", known.Select(k => Convert.ToInt32(k)))}, as ConvertTo-Json writes them).");
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
            "Hotkey" or "HotkeyPublicKey" or "Coldkey" or "ColdkeyPublicKey" => TextKind.Key,
            "Endpoint" or "SealRule" => TextKind.Url,
            "SealByteOrder" or "Scheme" => TextKind.Name,
            _ => TextKind.Number,
        });
        return value;
    }

    private static PowException Missing(PSObject input, string name, string extra = "") => PowException.Argument(ErrorIds.MissingSolutionField, input,
        $"The piped object has no {name} property{extra}; a solution needs Nonce, BlockNumber, BlockHash, Difficulty, Hotkey and SealByteOrder " +
        "(Seal and Endpoint are optional; Scheme PowRegisterV1 also needs NetUid and Coldkey).",
        "Pipe New-PowSolution's output, as it is or saved and read back (ConvertTo-Json/ConvertFrom-Json, Export-Csv/Import-Csv).");
}

using System.Numerics;

namespace BittensorPow.Registration.Input;

/// <summary>
/// A solution as a record of named fields — a PowSolution, or one that went through JSON or CSV (numbers as text, enums
/// as a name or a number) — read once, with an error that names the field at fault. A solution without Scheme is a
/// legacy one. A spread search's hosts send their solutions back as such records too.
/// </summary>
/// <param name="field">The record's value of a field (null when it has none).</param>
/// <param name="record">The whole record, named in errors about it.</param>
public sealed class SolutionRecord(Func<string, object?> field, object? record)
{
    public Solution Read(SealByteOrder? orderParameter)
    {
        var scheme = Scheme();
        var nonce = Number<ulong>("Nonce");
        // Hotkey is a required field, as the help says: HotkeyPublicKey (also in a PowSolution) only stands beside it.
        var work = new WorkBinding(scheme, Number<ulong>("BlockNumber"), UserInput.BlockHash(Text("BlockHash")),
            UserInput.Hotkey(Text("Hotkey")))
        {
            NetUid = Optional("NetUid") is null ? null : Number<ushort>("NetUid"),
            Coldkey = (Optional("Coldkey") ?? Optional("ColdkeyPublicKey")) is { } c ? UserInput.Coldkey(c) : null,
            SealByteOrder = scheme == SealScheme.Legacy ? ByteOrder(orderParameter) : Enumeration<SealByteOrder>("SealByteOrder"),
        };
        var (challenge, rule) = work.ToChallenge();
        var difficulty = Difficulties.FromUser(Number<ulong>("Difficulty"));
        // A seal is derived from the other fields; one given must match (the workflow's checks compare it).
        var sealText = Optional("Seal");
        return new Solution(challenge, difficulty, nonce, sealText is null ? challenge.ComputeSeal(nonce) : UserInput.Seal(sealText))
        {
            NetUid = work.NetUid, Endpoint = Optional("Endpoint"), SealRule = Optional("SealRule") ?? rule,
            Backend = Optional("Backend") ?? "",
        };
    }

    /// <summary>Legacy when the record has no Scheme (solutions saved before pow_register); else by name or number.</summary>
    public SealScheme Scheme() => Enumeration<SealScheme>("Scheme") ?? SealScheme.Legacy;

    /// <summary>A byte order by name (LittleEndian, BigEndian, case-insensitive) or by its number as ConvertTo-Json writes it.</summary>
    public SealByteOrder ByteOrder(SealByteOrder? orderParameter) =>
        Enumeration<SealByteOrder>("SealByteOrder") ?? orderParameter
        ?? throw Missing("SealByteOrder", " (or pass -SealByteOrder LittleEndian or BigEndian)");

    private T? Enumeration<T>(string name) where T : struct, Enum
    {
        var text = Optional(name);
        if (text is null) return null;
        if (!text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var named)) return named;
        if (int.TryParse(text, out var n) && Enum.IsDefined(typeof(T), n)) return (T)Enum.ToObject(typeof(T), n);
        var known = Enum.GetValues<T>();
        throw PowException.Argument(name == "Scheme" ? ErrorIds.InvalidScheme : ErrorIds.InvalidSealByteOrder, text,
            $"{name} '{Hex.Shorten(text)}' is not a known {(name == "Scheme" ? "seal scheme" : "byte order")}.",
            $"Use {string.Join(" or ", known)} (or {string.Join(" and ", known.Select(k => Convert.ToInt32(k)))}, " +
            "as ConvertTo-Json writes them).");
    }

    private T Number<T>(string name) where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var value = Value(name) ?? throw Missing(name);
        if (Whole<T>(value) is { } n) return n;
        throw PowException.Argument(ErrorIds.MissingSolutionField, value,
            $"The piped solution's {name} '{value}' is not a whole number from 0 to {T.MaxValue}.",
            $"Give {name} as a number, as New-PowSolution writes it (ConvertTo-Json and Export-Csv keep it).");
    }

    /// <summary>Digits as text (CSV), or any whole number JSON reads back (Int64, BigInteger past it, a whole Double).</summary>
    private static T? Whole<T>(object value) where T : struct, IBinaryInteger<T>
    {
        try
        {
            return value switch
            {
                string s => T.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                BigInteger b => T.CreateChecked(b),
                bool or char => null,
                IConvertible c when c.ToDecimal(CultureInfo.InvariantCulture) is var d && d == decimal.Truncate(d) => T.CreateChecked(d),
                _ => null,
            };
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException) { return null; }
    }

    private string Text(string name) => Optional(name) ?? throw Missing(name);

    private string? Optional(string name) =>
        Value(name) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null;

    private object? Value(string name)
    {
        var value = field(name);
        // Refused by length before anything parses it: converting 50 MB of digits costs minutes, quoting them a flood.
        TextBounds.Check(name, value, name switch
        {
            "BlockHash" or "Seal" => TextKind.Hash,
            "Hotkey" or "HotkeyPublicKey" or "Coldkey" or "ColdkeyPublicKey" => TextKind.Key,
            "Endpoint" or "SealRule" => TextKind.Url,
            "SealByteOrder" or "Scheme" => TextKind.Name,
            _ => TextKind.Number,
        });
        return value;
    }

    private PowException Missing(string name, string extra = "") => PowException.Argument(ErrorIds.MissingSolutionField, record,
        $"The piped object has no {name} property{extra}; a solution needs Nonce, BlockNumber, BlockHash, Difficulty, Hotkey " +
        "and SealByteOrder (Seal and Endpoint are optional; Scheme PowRegisterV1 also needs NetUid and Coldkey).",
        "Pipe New-PowSolution's output, as it is or saved and read back (ConvertTo-Json/ConvertFrom-Json, Export-Csv/Import-Csv).");
}

namespace BittensorPow.Cmdlets.Input;

/// <summary>Tab completion shared by the completers: matching, quoting, and the wallet folder in effect.</summary>
internal static class Completion
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word, string? tooltip = null)
    {
        string typed = word.Trim('\'', '"');
        foreach (var v in values.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase))
        {
            if (!v.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
            string text = v.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or ';' or '(' or ')' or '{' or '}' or '@' or '#' or ',')
                ? "'" + v.Replace("'", "''") + "'" : v;
            yield return new CompletionResult(text, v, CompletionResultType.ParameterValue, tooltip ?? v);
        }
    }

    /// <summary>-WalletPath as typed on the command line, else BT_WALLET_PATH, else btcli's default.</summary>
    public static string? WalletRoot(IDictionary bound)
    {
        try { return WalletPaths.ExpandRoot(bound["WalletPath"] as string ?? Environment.GetEnvironmentVariable("BT_WALLET_PATH")); }
        catch (ArgumentException) { return null; }
    }

    public static IEnumerable<string> Directories(string? path) =>
        path is not null && Directory.Exists(path) ? Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>() : [];
}

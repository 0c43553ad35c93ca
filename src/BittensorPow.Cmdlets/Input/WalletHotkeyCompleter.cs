namespace BittensorPow.Cmdlets.Input;

/// <summary>-WalletHotkey: the hotkeys of the wallet in effect (-Wallet, BT_WALLET_NAME, or 'default').</summary>
public sealed class WalletHotkeyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var root = Completion.WalletRoot(fakeBoundParameters);
        if (root is null) return [];
        string wallet = fakeBoundParameters["Wallet"] as string ?? Environment.GetEnvironmentVariable("BT_WALLET_NAME") ?? "default";
        var folder = Path.Combine(root, wallet, "hotkeys");
        if (!Directory.Exists(folder)) return [];
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.EndsWith("pub.txt", StringComparison.Ordinal));
        return Completion.Matching(names, wordToComplete);
    }
}

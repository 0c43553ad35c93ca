namespace BittensorPow.Cmdlets.Commands;

/// <summary>Lists Bittensor wallets and their hotkeys from public files only (coldkeypub.txt, *pub.txt, public JSON fields).</summary>
[Cmdlet(VerbsCommon.Get, "BittensorWallet", DefaultParameterSetName = Wallets)]
[OutputType(typeof(BittensorWallet), ParameterSetName = [Wallets])]
[OutputType(typeof(BittensorHotkey), ParameterSetName = [HotkeySet])]
public sealed class GetBittensorWalletCommand : PowCmdletBase
{
    private const string Wallets = nameof(Wallets);
    private const string HotkeySet = "Hotkeys";

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards, ArgumentCompleter(typeof(WalletNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter, WalletPath] public string? WalletPath { get; set; }

    /// <summary>One object per hotkey instead of per wallet.</summary>
    [Parameter(ParameterSetName = HotkeySet, Mandatory = true)]
    public SwitchParameter Hotkeys { get; set; }

    protected override void Process()
    {
        string root = WalletPaths.ExpandRoot(WalletPath ?? Environment.GetEnvironmentVariable("BT_WALLET_PATH"));
        if (!Directory.Exists(root))
            throw new PowException(new PowError(ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound, root,
                $"The wallet folder '{root}' does not exist.",
                "Pass -WalletPath (or set BT_WALLET_PATH), or create one with New-BittensorWallet.")
            { Scope = PowErrorScope.Pipeline });
        var patterns = (Name ?? ["*"]).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        var found = WalletDirectory.List(root).Where(w => patterns.Any(p => p.IsMatch(w.Name))).ToList();
        foreach (var name in Name ?? [])
            if (!WildcardPattern.ContainsWildcardCharacters(name) && !found.Any(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)))
                WriteError(new PowError(ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound, name,
                    $"Wallet '{name}' was not found in '{root}'.", "Get-BittensorWallet without -Name lists the wallets there."));
        foreach (var w in found)
        {
            if (Hotkeys) WriteObject(BittensorWallet.From(w).Hotkeys, enumerateCollection: true);
            else WriteObject(BittensorWallet.From(w));
        }
    }
}

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

    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }

    [Parameter(ParameterSetName = HotkeySet, Mandatory = true)]
    public SwitchParameter Hotkeys { get; set; }

    protected override void Process()
    {
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        var (found, notFound) = WalletListing.Run(new WalletListingRequest(WalletPath)
        {
            Matches = patterns is null ? null : name => patterns.Any(p => p.IsMatch(name)),
            ExactNames = Name?.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList() ?? [],
        });
        foreach (var error in notFound) WriteError(error);
        foreach (var w in found)
        {
            if (Hotkeys) WriteObject(BittensorWallet.From(w).Hotkeys, enumerateCollection: true);
            else WriteObject(BittensorWallet.From(w));
        }
    }
}

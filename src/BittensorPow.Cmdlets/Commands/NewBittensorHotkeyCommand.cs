namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Makes a hotkey in an existing wallet as btcli's wallet new_hotkey does by default: hotkeys/&lt;name&gt; (plain JSON)
/// and hotkeys/&lt;name&gt;pub.txt, from a new mnemonic (shown once on the host) or -Mnemonic (regen_hotkey).
/// </summary>
[Cmdlet(VerbsCommon.New, "BittensorHotkey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BittensorHotkey))]
public sealed class NewBittensorHotkeyCommand : PowCmdletBase
{
    [Parameter(Position = 0)] public string? Name { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }
    [Parameter, ValidateSet("12", "24")] public int WordCount { get; set; } = 12;
    [Parameter] public SecureString? Mnemonic { get; set; }
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process()
    {
        var (wallet, hotkey, root) = UserInput.Wallet(Wallet, Name, WalletPath);
        var request = new NewWalletRequest(WalletPaths.ExpandRoot(root), wallet)
        {
            Hotkey = hotkey, Mnemonic = Mnemonic, WordCount = WordCount, Overwrite = Force,
        };
        var files = NewWalletWorkflow.Plan(request);
        string verb = Force && files.Any(File.Exists) ? "Replace" : "Create";
        if (!ShouldProcess(string.Join(", ", files), $"{verb} hotkey '{hotkey}' of wallet '{wallet}'")) return;
        var made = NewWalletWorkflow.Run(request, new HostPrompt(Host), Output);
        WriteObject(BittensorHotkey.From(made.Name, made.Hotkeys.Single(h => h.Name == hotkey)));
    }
}

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Makes a wallet as btcli's wallet create does: a coldkey ($NACL-sealed with a password, or plain with -NoPassword)
/// and coldkeypub.txt, and with -Hotkey a hotkey too, from a new mnemonic (shown once on the host) or -Mnemonic.
/// </summary>
[Cmdlet(VerbsCommon.New, "BittensorWallet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BittensorWallet))]
public sealed class NewBittensorWalletCommand : PowCmdletBase
{
    [Parameter(Position = 0)] public string? Name { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }
    [Parameter] public string? Hotkey { get; set; }
    [Parameter, ValidateSet("12", "24")] public int WordCount { get; set; } = 12;
    [Parameter] public SecureString? Mnemonic { get; set; }
    [Parameter] public SecureString? Password { get; set; }
    [Parameter] public SwitchParameter NoPassword { get; set; }
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process()
    {
        if (NoPassword && Password is not null)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Password -NoPassword",
                "-Password seals the coldkey and -NoPassword leaves it unencrypted.",
                "Give one of them: -Password for a real wallet, -NoPassword only for a test wallet.");
        if (Password is not null) NewWalletWorkflow.CheckNewPassword(Password, null);
        var (wallet, _, root) = UserInput.Wallet(Name, null, WalletPath);
        var request = new NewWalletRequest(WalletPaths.ExpandRoot(root), wallet)
        {
            Coldkey = true, Hotkey = Hotkey, Mnemonic = Mnemonic, WordCount = WordCount, Overwrite = Force,
            Password = Password, AskPassword = !NoPassword,
        };
        var files = NewWalletWorkflow.Plan(request);
        string verb = Force && files.Any(File.Exists) ? "Replace" : "Create";
        if (!ShouldProcess(string.Join(", ", files), $"{verb} wallet '{wallet}'")) return;
        var made = NewWalletWorkflow.Run(request, new HostPrompt(Host), Output);
        WriteObject(BittensorWallet.From(made));
    }
}

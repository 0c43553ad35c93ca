namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// The faucet of pow-faucet runtimes (local nets, devnet, testnet): solve the seal for the COLDKEY at difficulty
/// 1,000,000 under the runtime's byte order, then submit SubtensorModule.faucet signed by the coldkey (SPEC §9).
/// </summary>
[Cmdlet(VerbsLifecycle.Request, "SubtensorFaucet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FaucetResult))]
public sealed class RequestSubtensorFaucetCommand : PowCmdletBase
{
    [Parameter, BoundedText(TextKind.Url), ArgumentCompleter(typeof(EndpointCompleter))] public string? Endpoint { get; set; }
    [Parameter, BoundedText(TextKind.Name), ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Name)]
    [Alias("Name"), ArgumentCompleter(typeof(WalletNameCompleter))]
    public string? Wallet { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }
    [Parameter] public SecureString? Password { get; set; }
    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 120;
    [Parameter, ValidateRange(1, 3600)] public double ReconnectLimitSec { get; set; } = 60;
    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }
    [Parameter, ValidateRange(1, 1000)] public int Count { get; set; } = 1;

    protected override void Process()
    {
        var solve = SolveParameters.Request(new SolveKnobs
        {
            Backend = Backend, ThreadCount = ThreadCount, HashRateSamples = HashRateSamples, HashRateAlpha = HashRateAlpha,
        });
        var (walletName, _, root) = UserInput.Wallet(Wallet, null, WalletPath);
        var wallet = new WalletAccess(root, walletName, "")
        {
            UnlockColdkey = () => new PasswordPrompt(new HostPrompt(Host), Output).Coldkey(root, walletName, Password),
        };
        var request = new FaucetRequest(wallet.ColdkeyPublicKey(), wallet.Coldkey, solve)
        {
            Node = new NodeChoice(Endpoint, Network) { ReconnectLimit = TimeSpan.FromSeconds(ReconnectLimitSec) }, Count = Count,
            Submission = new() { Wait = (WaitFor)Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec) },
        };
        foreach (var outcome in FaucetWorkflow.Run(request, Output, Cancellation))
        {
            var result = FaucetResult.From(outcome);
            if (outcome.Error is { } error) WriteError(error with { Target = result });
            WriteObject(result);
        }
    }
}

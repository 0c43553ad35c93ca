namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Submits SubtensorModule.register for a solution, signed by the HOTKEY with the coldkey's public key as owner,
/// after checking everything the pallet will check; re-solves when a solution has gone stale. On runtimes whose register
/// burns (spec 397 on), a burned registration signed by the coldkey, capped by -MaxCost.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "SubtensorNeuron", DefaultParameterSetName = FromSolution, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RegistrationResult))]
public sealed class RegisterSubtensorNeuronCommand : PowCmdletBase, IDisposable
{
    private const string FromSolution = nameof(FromSolution);
    private const string Solve = nameof(Solve);

    // Kept for the whole pipeline: one connection and at most one coldkey unlock, however many records come.
    private readonly ChainSessions _sessions = new();
    private UnlockedColdkey? _coldkey;

    [Parameter(ParameterSetName = FromSolution, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? Solution { get; set; }

    [Parameter(ParameterSetName = Solve, Mandatory = true, Position = 0), BoundedText(TextKind.Number)]
    public ushort NetUid { get; set; }

    [Parameter(ParameterSetName = Solve, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)]
    public string? Hotkey { get; set; }

    [Parameter, BoundedText(TextKind.Url), ArgumentCompleter(typeof(EndpointCompleter))] public string? Endpoint { get; set; }
    [Parameter, BoundedText(TextKind.Name), ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletHotkeyCompleter))] public string? WalletHotkey { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }
    [Parameter] public SecureString? HotkeyPassword { get; set; }

    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, BoundedText(TextKind.Number), ValidateRange(1, 86400)] public double TimeoutSec { get; set; } = 120;

    [Parameter, ValidateRange(1.0, 1000.0)] public double DifficultyMargin { get; set; } = 1;
    [Parameter(ParameterSetName = Solve)] public SwitchParameter WaitForPow { get; set; }
    [Parameter(ParameterSetName = Solve), ValidateRange(1UL, ulong.MaxValue)] public ulong? MaxDifficulty { get; set; }
    [Parameter, ValidateRange(1, 3600)] public double ReconnectLimitSec { get; set; } = 60;
    [Parameter, ValidateRange(1, 100)] public int MaxAttempts { get; set; } = 3;

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter, BoundedText(TextKind.Name)] public SealByteOrder? SealByteOrder { get; set; }
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }

    [Parameter, BoundedText(TextKind.Number)] public decimal? MaxCost { get; set; }

    [Parameter] public SecureString? Password { get; set; }

    [Parameter] public SwitchParameter SkipValidation { get; set; }

    // Spread search over PowerShell remoting sessions (issue 13): when it solves, every host searches its own partition.
    [Parameter(ParameterSetName = Solve)] public System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }
    [Parameter(ParameterSetName = Solve)] public string[]? HostName { get; set; }
    [Parameter(ParameterSetName = Solve)] public int? Port { get; set; }
    [Parameter(ParameterSetName = Solve)] public string? UserName { get; set; }
    [Parameter(ParameterSetName = Solve)] public string? KeyFilePath { get; set; }
    [Parameter(ParameterSetName = Solve)] public System.Collections.Hashtable? SshOption { get; set; }
    [Parameter(ParameterSetName = Solve)] public System.Collections.Hashtable? HostParameters { get; set; }

    private static readonly string[] SolvingParameters = ["Backend", "Cuda", "DeviceId", "ThreadCount"];

    protected override void Process()
    {
        var solve = SolveParameters.Request(new SolveKnobs
        {
            Backend = Given(nameof(Backend), Backend), Cuda = Cuda, DeviceIds = DeviceId, ThreadCount = ThreadCount,
            HashRateSamples = HashRateSamples, HashRateAlpha = HashRateAlpha,
        });
        var (walletName, hotkeyName, root) = UserInput.Wallet(Wallet, WalletHotkey, WalletPath);
        var passwords = new PasswordPrompt(new HostPrompt(Host), Output);
        var wallet = new WalletAccess(root, walletName, hotkeyName)
        {
            Hotkey = Hotkey is { } address ? UserInput.Hotkey(address) : null,
            UnlockColdkey = () => (_coldkey ??= new UnlockedColdkey(() => passwords.Coldkey(root, walletName, Password))).Get(),
            UnlockHotkey = () => passwords.Hotkey(root, walletName, hotkeyName, HotkeyPassword),
        };
        using var remote = RemoteSessions.From(Session, HostName, new SshLogin(Port, UserName, KeyFilePath, SshOption));
        var plan = remote?.Plan(HostParameters, MyInvocation.BoundParameters, SolvingParameters);
        var spread = plan is null ? null : SpreadSearch.Online(plan, Output, Cancellation);
        var request = new RegisterNeuronRequest(Solution is null ? NetUid : null, wallet,
            solve with { Spread = spread })
        {
            Sessions = _sessions, Node = new NodeChoice(Endpoint, Network) { ReconnectLimit = TimeSpan.FromSeconds(ReconnectLimitSec) },
            Solution = Solution is null ? null : PipedSolution.Read(Solution, SealByteOrder),
            SealByteOrder = SealByteOrder, MaxCost = MaxCost, DifficultyMargin = DifficultyMargin,
            Submission = new() { Wait = (WaitFor)Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec), MaxAttempts = MaxAttempts },
            SkipValidation = SkipValidation, WaitForPow = WaitForPow, MaxDifficulty = MaxDifficulty,
        };
        foreach (var outcome in RegisterNeuron.Run(request, Output, Cancellation))
        {
            var result = RegistrationResult.From(outcome);
            if (outcome.Error is { } error) WriteError(error with { Target = result });
            WriteObject(result);
        }
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _coldkey?.Dispose();
    }
}

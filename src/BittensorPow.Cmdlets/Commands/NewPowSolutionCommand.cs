namespace BittensorPow.Cmdlets.Commands;

[Cmdlet(VerbsCommon.New, "PowSolution", DefaultParameterSetName = Online)]
[OutputType(typeof(PowSolution))]
public sealed class NewPowSolutionCommand : PowCmdletBase
{
    private const string Online = nameof(Online);
    private const string Offline = nameof(Offline);

    [Parameter(ParameterSetName = Online, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = Offline, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ushort? NetUid { get; set; }

    [Parameter(ParameterSetName = Offline, ValueFromPipelineByPropertyName = true)]
    public SealScheme Scheme { get; set; } = SealScheme.Legacy;

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)]
    public string? Coldkey { get; set; }

    [Parameter(ParameterSetName = Online), ValidateRange(1.0, 1000.0)]
    public double DifficultyMargin { get; set; } = 1;

    [Parameter(ParameterSetName = Online, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Url)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    public string? Endpoint { get; set; }

    [Parameter(ParameterSetName = Online), BoundedText(TextKind.Name)]
    [ValidateSet("finney", "test", "local")]
    public string? Network { get; set; }

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Hash)]
    public string BlockHash { get; set; } = "";

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ulong BlockNumber { get; set; }

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ulong Difficulty { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Key)]
    public string? Hotkey { get; set; }

    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, BoundedText(TextKind.Name), ArgumentCompleter(typeof(WalletHotkeyCompleter))] public string? WalletHotkey { get; set; }
    [Parameter, BoundedText(TextKind.Path), WalletPath] public string? WalletPath { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Name)]
    public SealByteOrder? SealByteOrder { get; set; }

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter] public SwitchParameter OpenCL { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int ThreadsPerBlock { get; set; } = 256;
    [Parameter, BoundedText(TextKind.Number)] public int? ThreadCount { get; set; }
    [Parameter, BoundedText(TextKind.Number)] public ulong? NonceStart { get; set; }
    [Parameter, BoundedText(TextKind.Number)] public ulong? UpdateInterval { get; set; }
    [Parameter, BoundedText(TextKind.Number)] public double? TimeoutSec { get; set; }
    [Parameter(ParameterSetName = Online), ValidateRange(1, 3600)] public double ReconnectLimitSec { get; set; } = 60;
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }

    // Spread search over PowerShell remoting sessions (issue 13).
    [Parameter, BoundedText(TextKind.Number)] public ulong? NonceCount { get; set; }
    [Parameter] public System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }
    [Parameter] public string[]? HostName { get; set; }
    [Parameter] public int? Port { get; set; }
    [Parameter] public string? UserName { get; set; }
    [Parameter] public string? KeyFilePath { get; set; }
    [Parameter] public System.Collections.Hashtable? SshOption { get; set; }
    [Parameter] public System.Collections.Hashtable? HostParameters { get; set; }

    private static readonly string[] SolvingParameters =
        ["Backend", "Cuda", "OpenCL", "DeviceId", "ThreadsPerBlock", "ThreadCount", "UpdateInterval", "TimeoutSec"];

    protected override void Process()
    {
        UserInput.HotkeyOrWallet(Hotkey, Wallet, WalletHotkey, WalletPath);
        var solve = SolveParameters.Request(new SolveKnobs
        {
            Backend = Given(nameof(Backend), Backend), Cuda = Cuda, OpenCL = OpenCL, DeviceIds = DeviceId, ThreadCount = ThreadCount,
            ThreadsPerBlock = Given(nameof(ThreadsPerBlock), ThreadsPerBlock), UpdateInterval = UpdateInterval, TimeoutSec = TimeoutSec,
            NonceStart = NonceStart, NonceCount = NonceCount, HashRateSamples = HashRateSamples, HashRateAlpha = HashRateAlpha,
        });
        var (hotkey, hotkeySource) = Hotkey is { } text
            ? (UserInput.Hotkey(text), "-Hotkey")
            : UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");
        // Without -Coldkey, the coldkeypub.txt (public data only) of the wallet the hotkey comes from; none with -Hotkey alone.
        var coldkey = Coldkey is { } c ? UserInput.Coldkey(c) : null;
        Func<byte[]>? walletColdkey = Hotkey is null ? () => UserInput.WalletColdkey(Wallet, WalletPath) : null;
        using var remote = RemoteSessions.From(Session, HostName, new SshLogin(Port, UserName, KeyFilePath, SshOption));
        var request = new NewSolutionRequest
        {
            Offline = ParameterSetName == Offline ? new OfflineSolveRequest(new(Scheme, BlockNumber, UserInput.BlockHash(BlockHash), hotkey)
            {
                SealByteOrder = SealByteOrder, NetUid = NetUid,
                Coldkey = coldkey ?? (Scheme == SealScheme.PowRegisterV1 ? walletColdkey?.Invoke() : null),
            }, Difficulty, solve) : null,
            Online = ParameterSetName == Online ? new OnlineSolveRequest(NetUid!.Value, hotkey, solve)
            {
                SealByteOrder = SealByteOrder, DifficultyMargin = DifficultyMargin, Coldkey = coldkey, ReadColdkey = walletColdkey,
            } : null,
            Node = new NodeChoice(Endpoint, Network) { ReconnectLimit = TimeSpan.FromSeconds(ReconnectLimitSec) },
            Timeout = solve.SolverOptions.Timeout,
            Spread = remote?.Plan(HostParameters, MyInvocation.BoundParameters, SolvingParameters, NonceStart),
        };
        var (solution, spread) = NewSolution.Run(request, Output, Cancellation);
        if (solution is not null) WriteObject(PowSolution.From(solution, spread));
    }
}

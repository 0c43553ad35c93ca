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
        var backend = UserInput.ChooseBackend(Backend, MyInvocation.BoundParameters.ContainsKey(nameof(Backend)), Cuda, OpenCL);
        UserInput.HotkeyOrWallet(Hotkey, Wallet, WalletHotkey, WalletPath);
        UserInput.Backend(backend, DeviceId, MyInvocation.BoundParameters.ContainsKey(nameof(ThreadsPerBlock)));
        var options = SolveParameters.Validate(new SolveKnobs
        {
            ThreadCount = ThreadCount, UpdateInterval = UpdateInterval, TimeoutSec = TimeoutSec, NonceStart = NonceStart, NonceCount = NonceCount,
            HashRateSamples = HashRateSamples, HashRateAlpha = HashRateAlpha,
        });
        var solve = new SolveRequest(backend, ThreadCount, DeviceId, ThreadsPerBlock, options);
        var (hotkey, hotkeySource) = Hotkey is { } text
            ? (UserInput.Hotkey(text), "-Hotkey")
            : UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");
        using var remote = RemoteSessions.From(Session, HostName, new SshLogin(Port, UserName, KeyFilePath, SshOption));
        var request = new NewSolutionRequest
        {
            Offline = ParameterSetName == Offline ? new OfflineSolveRequest(OfflineWork(hotkey), Difficulty, solve) : null,
            Online = ParameterSetName == Online ? new OnlineSolveRequest(NetUid!.Value, hotkey, solve)
            {
                SealByteOrder = SealByteOrder, DifficultyMargin = DifficultyMargin, Coldkey = Coldkey is { } c ? UserInput.Coldkey(c) : null,
                ReadColdkey = Hotkey is null ? () => UserInput.WalletColdkey(Wallet, WalletPath) : null,
            } : null,
            Endpoint = Endpoint, Network = Network, ReconnectLimit = TimeSpan.FromSeconds(ReconnectLimitSec), Timeout = options.Timeout,
            Spread = remote?.Plan(HostParameters, MyInvocation.BoundParameters, SolvingParameters, NonceStart),
        };
        var (solution, spread) = NewSolution.Run(request, Output, Cancellation);
        if (solution is not null) WriteObject(PowSolution.From(solution, spread));
    }

    private WorkBinding OfflineWork(byte[] hotkey) => Scheme == SealScheme.Legacy && Coldkey is not null
        ? throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Coldkey",
            "-Coldkey applies to the PowRegisterV1 seal; the legacy seal binds no coldkey.",
            "Add -Scheme PowRegisterV1 (with -NetUid) to solve for pow_register, or leave -Coldkey out.")
        : new(Scheme, BlockNumber, UserInput.BlockHash(BlockHash), hotkey)
        {
            SealByteOrder = SealByteOrder, NetUid = NetUid, Coldkey = Scheme == SealScheme.PowRegisterV1 ? ColdkeyKey() : null,
        };

    /// <summary>-Coldkey, else the coldkeypub.txt (public data only) of the wallet the hotkey comes from; null with -Hotkey alone.</summary>
    private byte[]? ColdkeyKey() => Coldkey is { } text ? UserInput.Coldkey(text)
        : Hotkey is null ? UserInput.WalletColdkey(Wallet, WalletPath)
        : null;
}

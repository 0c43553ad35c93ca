using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Cmdlets.Commands;

[Cmdlet(VerbsCommon.New, "PowSolution", DefaultParameterSetName = Online)]
[OutputType(typeof(PowSolution))]
public sealed class NewPowSolutionCommand : PowCmdletBase
{
    private const string Online = nameof(Online);
    private const string Offline = nameof(Offline);

    /// <summary>Online: the subnet to solve for. Offline: the subnet a PowRegisterV1 seal binds.</summary>
    [Parameter(ParameterSetName = Online, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = Offline, ValueFromPipelineByPropertyName = true)]
    public ushort? NetUid { get; set; }

    /// <summary>Which seal: Legacy (register, faucet) or PowRegisterV1 (pow_register, spec 475 on). Offline only for now.</summary>
    [Parameter(ParameterSetName = Offline, ValueFromPipelineByPropertyName = true)]
    public SealScheme Scheme { get; set; } = SealScheme.Legacy;

    /// <summary>The coldkey a PowRegisterV1 seal binds (it signs pow_register): SS58 or 0x; without it, -Wallet's coldkeypub.txt.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Coldkey { get; set; }

    /// <summary>Online, pow_register: solve for the chain's difficulty times this (at least 1; 1.26 outlasts one competitor's registration).</summary>
    [Parameter(ParameterSetName = Online), ValidateRange(1.0, 1000.0)]
    public double DifficultyMargin { get; set; } = 1;

    [Parameter(ParameterSetName = Online, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    public string? Endpoint { get; set; }

    [Parameter(ParameterSetName = Online)]
    [ValidateSet("finney", "test", "local")]
    public string? Network { get; set; }

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string BlockHash { get; set; } = "";

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ulong BlockNumber { get; set; }

    [Parameter(ParameterSetName = Offline, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ulong Difficulty { get; set; }

    /// <summary>SS58 address or 0x public key. Without it the wallet's hotkey is used.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Hotkey { get; set; }

    [Parameter, ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, ArgumentCompleter(typeof(WalletHotkeyCompleter))] public string? WalletHotkey { get; set; }
    [Parameter] public string? WalletPath { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SealByteOrder? SealByteOrder { get; set; }

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter] public SwitchParameter OpenCL { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int ThreadsPerBlock { get; set; } = 256;
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public ulong? NonceStart { get; set; }
    [Parameter] public ulong? UpdateInterval { get; set; }
    [Parameter] public double? TimeoutSec { get; set; }
    [Parameter(ParameterSetName = Online), ValidateRange(1, 3600)] public double ReconnectLimitSec { get; set; } = 60;
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }

    // Spread search over PowerShell remoting sessions (issue 13).
    [Parameter] public ulong? NonceCount { get; set; }
    [Parameter] public System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }
    [Parameter] public string[]? HostName { get; set; }
    [Parameter] public int? Port { get; set; }
    [Parameter] public string? UserName { get; set; }
    [Parameter] public string? KeyFilePath { get; set; }
    [Parameter] public System.Collections.Hashtable? SshOption { get; set; }
    [Parameter] public System.Collections.Hashtable? HostParameters { get; set; }

    private static readonly string[] SolvingParameters = ["Backend", "Cuda", "OpenCL", "DeviceId", "ThreadsPerBlock", "ThreadCount", "UpdateInterval", "TimeoutSec"];

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
        var request = new SolveRequest(backend, ThreadCount, DeviceId, ThreadsPerBlock, options);
        var (hotkey, hotkeySource) = Hotkey is { } text ? (UserInput.Hotkey(text), "-Hotkey") : UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");
        if (Session is not null || HostName is not null) { Spread(hotkey, options.Timeout); return; }

        if (ParameterSetName == Offline)
        {
            WriteObject(PowSolution.From(OfflineSolve.Run(new OfflineSolveRequest(OfflineWork(hotkey), Difficulty, request), Output, Cancellation)));
            return;
        }
        // -TimeoutSec online is the whole call: connecting and every RPC count, not just the search.
        using var deadline = new CallDeadline(options.Timeout, Cancellation);
        using var chain = ChainSession.Connect(Endpoint, Network, Output, deadline, TimeSpan.FromSeconds(ReconnectLimitSec));
        var solve = new OnlineSolveRequest(NetUid!.Value, hotkey, request)
        {
            SealByteOrder = SealByteOrder, Deadline = deadline, DifficultyMargin = DifficultyMargin,
            Coldkey = Coldkey is { } c ? UserInput.Coldkey(c) : null, ReadColdkey = Hotkey is null ? () => UserInput.WalletColdkey(Wallet, WalletPath) : null,
        };
        var solution = deadline.Run(t => OnlineSolve.Run(chain, solve, Output, t));
        if (solution is not null) WriteObject(PowSolution.From(solution));
    }

    private WorkBinding OfflineWork(byte[] hotkey) => Scheme == SealScheme.Legacy && Coldkey is not null
        ? throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Coldkey", "-Coldkey applies to the PowRegisterV1 seal; the legacy seal binds no coldkey.",
            "Add -Scheme PowRegisterV1 (with -NetUid) to solve for pow_register, or leave -Coldkey out.")
        : new(Scheme, BlockNumber, UserInput.BlockHash(BlockHash), hotkey)
    {
        SealByteOrder = SealByteOrder, NetUid = NetUid, Coldkey = Scheme == SealScheme.PowRegisterV1 ? ColdkeyKey() : null,
    };

    /// <summary>-Coldkey, else the coldkeypub.txt (public data only) of the wallet the hotkey comes from; null with -Hotkey alone.</summary>
    private byte[]? ColdkeyKey() => Coldkey is { } text ? UserInput.Coldkey(text) : Hotkey is null ? UserInput.WalletColdkey(Wallet, WalletPath) : null;

    /// <summary>-Session/-HostName: every host solves its own nonce partition there; the first solution verified here wins.</summary>
    private void Spread(byte[] hotkey, TimeSpan? timeout)
    {
        var solving = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SolvingParameters)
            if (MyInvocation.BoundParameters.TryGetValue(name, out var value)) solving[name] = value;
        using var spread = new Remoting.SpreadSolver(this, Session, HostName, Port, UserName, KeyFilePath, SshOption, HostParameters, solving, NonceStart, Output, Cancellation);
        Solution? solution;
        if (ParameterSetName == Offline)
        {
            var difficulty = Difficulties.FromUser(Difficulty);
            var (challenge, rule) = OfflineWork(hotkey).ToChallenge();
            solution = spread.Offline(new BlockTemplate(challenge, difficulty), rule);
        }
        else
        {
            // Each host bounds its own search with -TimeoutSec; the coordinator's connection is bounded by it here.
            using var connecting = new CallDeadline(timeout, Cancellation);
            using var chain = ChainSession.Connect(Endpoint, Network, Output, connecting, TimeSpan.FromSeconds(ReconnectLimitSec));
            var request = new SolveRequest(PowBackend.Cpu) { Spread = spread.Online };
            solution = OnlineSolve.Run(chain, new OnlineSolveRequest(NetUid!.Value, hotkey, request) { SealByteOrder = SealByteOrder }, Output, Cancellation);
        }
        if (solution is null) return;
        var output = PowSolution.From(solution);
        WriteObject(new PowSolution
        {
            Nonce = output.Nonce, BlockNumber = output.BlockNumber, BlockHash = output.BlockHash, Difficulty = output.Difficulty, Seal = output.Seal,
            Hotkey = output.Hotkey, HotkeyPublicKey = output.HotkeyPublicKey, SealByteOrder = output.SealByteOrder, NetUid = output.NetUid,
            Scheme = output.Scheme, Coldkey = output.Coldkey, ColdkeyPublicKey = output.ColdkeyPublicKey,
            Endpoint = output.Endpoint, Backend = output.Backend, NoncesTried = output.NoncesTried, HashRate = output.HashRate, Elapsed = output.Elapsed,
            SealRule = output.SealRule, BlocksSeen = output.BlocksSeen, Rounds = output.Rounds, HashRateAverage = output.HashRateAverage,
            TimeAverage = output.TimeAverage, Workers = output.Workers, DeviceFaults = output.DeviceFaults,
            ComputerName = output.ComputerName, Hosts = spread.Report, HostsStoppedIn = spread.StoppedIn,
        });
    }
}

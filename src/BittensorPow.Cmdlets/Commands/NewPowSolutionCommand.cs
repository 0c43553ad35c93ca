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

    [Parameter(ParameterSetName = Online, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public ushort NetUid { get; set; }

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
    [Parameter, WalletPath] public string? WalletPath { get; set; }

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
        var options = SolveParameters.Validate(ThreadCount, UpdateInterval, TimeoutSec, NonceStart, HashRateSamples, HashRateAlpha, NonceCount);
        var request = new SolveRequest(backend, ThreadCount, DeviceId, ThreadsPerBlock, options);
        var (hotkey, hotkeySource) = Hotkey is { } text ? (UserInput.Hotkey(text), "-Hotkey") : UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");
        if (Session is not null || HostName is not null) { Spread(hotkey, options.Timeout); return; }

        if (ParameterSetName == Offline)
        {
            var blockHash = UserInput.BlockHash(BlockHash);
            WriteObject(PowSolution.From(OfflineSolve.Run(blockHash, BlockNumber, Difficulty, hotkey, SealByteOrder, request, Output, Cancellation)));
            return;
        }
        // -TimeoutSec online is the whole call: connecting and every RPC count, not just the search.
        using var deadline = new CallDeadline(options.Timeout, Cancellation);
        using var chain = ChainSession.Connect(Endpoint, Network, Output, deadline);
        var solution = deadline.Run(t => OnlineSolve.Run(chain, NetUid, hotkey, SealByteOrder, request, Output, t, deadline));
        if (solution is not null) WriteObject(PowSolution.From(solution));
    }

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
            if (Difficulty == 0) { OfflineSolve.Run(UserInput.BlockHash(BlockHash), BlockNumber, Difficulty, hotkey, SealByteOrder, new SolveRequest(PowBackend.Cpu), Output, Cancellation); return; }
            var (byteOrder, rule) = SealRuleChoice.Offline(SealByteOrder);
            solution = spread.Offline(new BlockTemplate(BlockNumber, UserInput.BlockHash(BlockHash).AsSpan(), hotkey, Difficulty, byteOrder), rule);
        }
        else
        {
            // Each host bounds its own search with -TimeoutSec; the coordinator's connection is bounded by it here.
            using var connecting = new CallDeadline(timeout, Cancellation);
            using var chain = ChainSession.Connect(Endpoint, Network, Output, connecting);
            var request = new SolveRequest(PowBackend.Cpu) { Spread = spread.Online };
            solution = OnlineSolve.Run(chain, NetUid, hotkey, SealByteOrder, request, Output, Cancellation);
        }
        if (solution is null) return;
        var output = PowSolution.From(solution);
        WriteObject(new PowSolution
        {
            Nonce = output.Nonce, BlockNumber = output.BlockNumber, BlockHash = output.BlockHash, Difficulty = output.Difficulty, Seal = output.Seal,
            Hotkey = output.Hotkey, HotkeyPublicKey = output.HotkeyPublicKey, SealByteOrder = output.SealByteOrder, NetUid = output.NetUid,
            Endpoint = output.Endpoint, Backend = output.Backend, NoncesTried = output.NoncesTried, HashRate = output.HashRate, Elapsed = output.Elapsed,
            SealRule = output.SealRule, BlocksSeen = output.BlocksSeen, Rounds = output.Rounds, HashRateAverage = output.HashRateAverage,
            TimeAverage = output.TimeAverage, Workers = output.Workers, DeviceFaults = output.DeviceFaults,
            ComputerName = output.ComputerName, Hosts = spread.Report, HostsStoppedIn = spread.StoppedIn,
        });
    }
}

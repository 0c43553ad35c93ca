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
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }

    protected override void Process()
    {
        if (Cuda && OpenCL)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Cuda -OpenCL", "-Cuda and -OpenCL both choose the back end.",
                "Give one of them (or -Backend Cuda / -Backend OpenCL); -DeviceId picks several devices of that kind.");
        var backend = Cuda ? PowBackend.Cuda : OpenCL ? PowBackend.OpenCL : Backend;
        UserInput.Backend(backend, DeviceId, MyInvocation.BoundParameters.ContainsKey(nameof(ThreadsPerBlock)));
        var options = SolveParameters.Validate(ThreadCount, UpdateInterval, TimeoutSec, NonceStart, HashRateSamples, HashRateAlpha);
        var request = new SolveRequest(backend, ThreadCount, DeviceId, ThreadsPerBlock, options);
        var (hotkey, hotkeySource) = Hotkey is { } text ? (UserInput.Hotkey(text), "-Hotkey") : UserInput.WalletHotkey(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");

        if (ParameterSetName == Offline)
        {
            var blockHash = UserInput.BlockHash(BlockHash);
            WriteObject(PowSolution.From(OfflineSolve.Run(blockHash, BlockNumber, Difficulty, hotkey, SealByteOrder, request, Output, Cancellation)));
            return;
        }
        // -TimeoutSec online is the whole call: connecting and every RPC count, not just the search.
        using var deadline = new CallDeadline(options.Timeout, Cancellation);
        using var chain = deadline.Run($"connecting to {Endpoint ?? Network ?? "the node"} and reading its runtime", ErrorIds.RpcTimeout,
            t => ChainSession.Connect(Endpoint, Network, Output, t));
        var solution = deadline.Run($"solving on subnet {NetUid} against {chain.Endpoint}", ErrorIds.PowSolveTimeout,
            t => OnlineSolve.Run(chain, NetUid, hotkey, SealByteOrder, request, Output, t));
        if (solution is not null) WriteObject(PowSolution.From(solution));
    }
}

using System.Management.Automation;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
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

    [Parameter] public string? Wallet { get; set; }
    [Parameter] public string? WalletHotkey { get; set; }
    [Parameter] public string? WalletPath { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SealByteOrder? SealByteOrder { get; set; }

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter] public SwitchParameter OpenCL { get; set; }
    [Parameter] public int[]? DeviceId { get; set; }
    [Parameter] public int ThreadsPerBlock { get; set; } = 256;
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public ulong? NonceStart { get; set; }
    [Parameter] public ulong? UpdateInterval { get; set; }
    [Parameter] public double? TimeoutSec { get; set; }

    protected override void Process()
    {
        var options = SolveParameters.Validate(ThreadCount, UpdateInterval, TimeoutSec, NonceStart);
        var backend = Cuda ? PowBackend.Cuda : OpenCL ? PowBackend.OpenCL : Backend;
        var (hotkey, hotkeySource) = Hotkey is { } text ? (HotkeyResolver.FromText(text), "-Hotkey") : HotkeyResolver.FromWallet(Wallet, WalletHotkey, WalletPath);
        WriteVerbose($"Hotkey {Ss58.Encode(hotkey)} from {hotkeySource}.");

        if (ParameterSetName == Offline) SolveOffline(hotkey, backend, options);
        else OnlineSolve.Run(this, new OnlineSolve.Request(NetUid, Endpoint, Network, hotkey, SealByteOrder, backend, ThreadCount, DeviceId, ThreadsPerBlock, options), Cancellation);
    }

    private void SolveOffline(byte[] hotkey, PowBackend backend, SolverOptions options)
    {
        var blockHash = HexInput.Parse32(BlockHash, "BlockHash", ErrorIds.InvalidBlockHash);
        if (Difficulty == 0)
            throw new PowErrorRecordException(PowErrors.InvalidArgument(ErrorIds.InvalidDifficulty, Difficulty,
                "Difficulty 0 is not a real difficulty: the chain would accept any seal, so there is nothing to solve.",
                "Pass the subnet's difficulty (Get-SubtensorBlock -NetUid shows it), at least 1."));
        var order = SealByteOrder ?? Engine.SealByteOrder.LittleEndian;
        string rule = SealByteOrder is null ? "default little-endian rule (subtensor spec 272-396); pass -SealByteOrder BigEndian for runtimes up to spec 271" : "given with -SealByteOrder";
        WriteVerbose($"Seal byte order {order}: {rule}.");
        var template = new BlockTemplate(BlockNumber, blockHash, hotkey, Difficulty, order);
        var searchers = BackendFactory.Create(backend, ThreadCount, DeviceId, ThreadsPerBlock, WriteVerbose);
        var solution = SolveAndReport.Run(this, searchers, new FixedTemplateSource(template), options, Cancellation, netUid: null, endpoint: null, rule);
        if (solution is not null) WriteObject(solution);
    }
}

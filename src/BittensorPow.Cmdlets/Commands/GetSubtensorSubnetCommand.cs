namespace BittensorPow.Cmdlets.Commands;

/// <summary>Lists the subnets (or those in -NetUid) with their registration switches, difficulty, burn and expected solve time.</summary>
[Cmdlet(VerbsCommon.Get, "SubtensorSubnet")]
[OutputType(typeof(SubtensorSubnet))]
public sealed class GetSubtensorSubnetCommand : PowCmdletBase
{
    [Parameter, BoundedText(TextKind.Url), ArgumentCompleter(typeof(EndpointCompleter))] public string? Endpoint { get; set; }
    [Parameter, BoundedText(TextKind.Name), ValidateSet("finney", "test", "local")] public string? Network { get; set; }

    /// <summary>Piped records' netuids are gathered and listed in one call, so the back end is measured once.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true), BoundedText(TextKind.Number)]
    public ushort[]? NetUid { get; set; }

    [Parameter] public SwitchParameter PowOpen { get; set; }
    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter, ValidateRange(1e-3, 1e15)] public double? HashRate { get; set; }
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 30;

    private readonly List<ushort> _netUids = [];
    private bool _netUidGiven;

    protected override void Process()
    {
        if (NetUid is not { } netUids) return;
        _netUidGiven = true;
        _netUids.AddRange(netUids);
    }

    protected override void End()
    {
        var measure = HashRate is not null ? null : SolveParameters.Request(new SolveKnobs
        {
            Backend = Given(nameof(Backend), Backend), Cuda = Cuda, DeviceIds = DeviceId, ThreadCount = ThreadCount,
        });
        var request = new SubnetListingRequest(new NodeChoice(Endpoint, Network), TimeSpan.FromSeconds(TimeoutSec))
        {
            NetUids = _netUidGiven ? _netUids : null, PowOpenOnly = PowOpen, HashRate = HashRate, Measure = measure,
        };
        var report = SubnetListing.Run(request, Output, Cancellation);
        foreach (var error in report.Errors) WriteError(error);
        foreach (var row in report.Subnets) WriteObject(SubtensorSubnet.From(row, report));
    }
}

namespace BittensorPow.Cmdlets.Commands;

/// <summary>Measures seals per second of a back end on a fixed random template at a difficulty no run will meet.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "PowHashRate")]
[OutputType(typeof(PowHashRate))]
public sealed class MeasurePowHashRateCommand : PowCmdletBase
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public PowBackend Backend { get; set; } = PowBackend.Cpu;

    [Parameter] public SealScheme Scheme { get; set; } = SealScheme.Legacy;

    [Parameter] public int? ThreadCount { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int ThreadsPerBlock { get; set; } = 256;

    [Parameter, ValidateRange(0.1, 3600)]
    public double Seconds { get; set; } = 5;

    protected override void Process()
    {
        var solve = SolveParameters.Request(new SolveKnobs
        {
            Backend = Backend, DeviceIds = DeviceId, ThreadCount = ThreadCount, ThreadsPerBlock = Given(nameof(ThreadsPerBlock), ThreadsPerBlock),
            TimeoutSec = Seconds,
        });
        var report = HashRateMeasurement.Run(new HashRateRequest(solve, Seconds) { Scheme = Scheme }, Output, Cancellation);
        WriteObject(new PowHashRate
        {
            Backend = report.Backend, Scheme = report.Scheme, Threads = report.Threads,
            Seals = report.Seals, Elapsed = report.Elapsed, SealsPerSecond = report.SealsPerSecond,
        });
    }
}

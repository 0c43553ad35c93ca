using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>Measures seals per second of a back end on a fixed random template at a difficulty no run will meet.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "PowHashRate")]
[OutputType(typeof(PowHashRate))]
public sealed class MeasurePowHashRateCommand : PowCmdletBase
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public PowBackend Backend { get; set; } = PowBackend.Cpu;

    [Parameter] public int? ThreadCount { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int ThreadsPerBlock { get; set; } = 256;

    [Parameter, ValidateRange(0.1, 3600)]
    public double Seconds { get; set; } = 5;

    protected override void Process()
    {
        var options = SolveParameters.Validate(new SolveKnobs { ThreadCount = ThreadCount, TimeoutSec = Seconds });
        var searchers = Backends.Create(Backend, ThreadCount, DeviceId, ThreadsPerBlock, Output);
        // D = u64::MAX gives T ≈ 2^192: a hit has probability 2^-64 per seal, so the run always ends on time.
        var template = new BlockTemplate(new LegacyChallenge(0, RandomBytes(), RandomBytes(), SealByteOrder.LittleEndian), new Difficulty(ulong.MaxValue));
        string name = searchers[0].Name;
        int count = searchers.Count;
        try
        {
            using var session = PowSolver.Start(searchers, new FixedTemplateSource(template), options, Cancellation);
            var display = new SolveDisplay(ProgressActivity.MeasuringHashRate, $"Measuring {name}")
            {
                Describe = s => $"{SolveRunner.FormatRate(s.HashRate)}, {s.NoncesTried:N0} seals, {s.Elapsed.TotalSeconds:F1} of {Seconds} s",
            };
            var result = SolveRunner.Run(session, display, Output, Cancellation);
            if (result.Outcome == SolveOutcome.Failed)
                throw new PowException(new PowError(ErrorIds.PowSolveFailed, PowErrorCategory.DeviceError, Backend,
                    $"Back end {name} failed: {result.Error?.Message}", "Try another back end.") { Inner = result.Error });
            var s = result.Statistics;
            WriteObject(new PowHashRate
            {
                Backend = name, Threads = count, Seals = s.NoncesTried, Elapsed = s.Elapsed,
                SealsPerSecond = s.Elapsed.TotalSeconds > 0 ? s.NoncesTried / s.Elapsed.TotalSeconds : 0,
            });
        }
        finally
        {
            foreach (var searcher in searchers) searcher.Dispose();
        }
    }

    private static byte[] RandomBytes() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
}

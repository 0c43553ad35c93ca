using System.Diagnostics;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>
/// What a spread search's host publishes: the solve's numbers ride on its progress at most once a second, and on its last
/// progress, which comes before the solution (so the coordinator has the winner's totals when the solution arrives).
/// </summary>
public sealed class SolveStatisticsCadenceTests
{
    [Fact]
    public void Statistics_ride_on_the_first_progress_at_most_once_a_second_after_and_on_the_last()
    {
        var clock = Stopwatch.StartNew();
        // Finds nothing for 2.5 s, then answers honestly; rounds of 10 ms, so progress ticks (5 a second) keep coming.
        var searcher = new ScriptedSearcher((_, t, s, c, _) =>
        {
            if (clock.Elapsed < TimeSpan.FromSeconds(2.5)) { Thread.Sleep(10); return (false, 0); }
            return ScriptedSearcher.FirstPassing(t, s, c);
        });
        var output = new RecordingOutput();
        var block = BlockHash.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var work = new WorkBinding(SealScheme.Legacy, 7, block, WorkflowNode.Alice.PublicKey);
        var request = new SolveRequest(PowBackend.Cpu, Options: new SolverOptions { NonceStart = 0 }) { Searchers = () => [searcher] };
        var solution = OfflineSolve.Run(new OfflineSolveRequest(work, 1_000, request), output, CancellationToken.None);
        var elapsed = clock.Elapsed;

        var solving = output.ProgressRecords.Where(p => p.ActivityId == ProgressActivity.Solving).ToList();
        var withNumbers = solving.Where(p => p.Statistics is not null).ToList();
        Assert.True(solving.Count > withNumbers.Count, "progress without numbers in between");
        // The first, at most one a second after it, and the last: an upper bound a slow machine only makes easier to meet.
        Assert.InRange(withNumbers.Count, 2, (int)Math.Floor(elapsed.TotalSeconds) + 2);
        Assert.Same(solving[0], withNumbers[0]);
        var last = solving[^1];
        Assert.True(last.Completed);
        Assert.True(last.Statistics!.NoncesTried >= solution.Statistics!.NoncesTried);
        var report = SolveReport.From(last.Statistics);
        Assert.Equal((0UL, last.Statistics.NoncesTried), (report.NonceStart, report.NoncesTried));
    }
}

using System.Diagnostics;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Tests.Registration;

namespace BittensorPow.Tests.Engine.Solving;

/// <summary>
/// A source with no valid work closes its gate: the workers stop hashing (no rounds) until it opens, and a stop still
/// ends them at once.
/// </summary>
public class WorkGateTests
{
    private sealed class GatedSource(BlockTemplate template) : IBlockTemplateSource
    {
        public BlockTemplate Current => template;
        public bool IsStillValid(BlockTemplate t) => true;
        public WorkGate Gate { get; } = new();
    }

    private static readonly BlockTemplate Unsolvable =
        new(new LegacyChallenge(1, new byte[32], new byte[32], SealByteOrder.BigEndian), new Difficulty(ulong.MaxValue));

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition()) { if (DateTime.UtcNow > until) return false; await Task.Delay(10); }
        return true;
    }

    [Fact]
    public async Task Closed_the_workers_search_nothing_until_it_opens()
    {
        var source = new GatedSource(Unsolvable);
        var searchers = Enumerable.Range(0, 2)
            .Select(_ => new ScriptedSearcher((_, _, _, _, _) => { Thread.Sleep(1); return (false, 0); })).ToArray();
        using var session = PowSolver.Start(searchers, source, new SolverOptions(), CancellationToken.None);
        Assert.True(await EventuallyAsync(() => searchers.All(s => s.Calls > 3)));

        source.Gate.Close();
        Assert.True(await EventuallyAsync(() => session.Snapshot().PausedWorkers == 2), "the workers did not pause");
        var calls = searchers.Select(s => Volatile.Read(ref s.Calls)).ToArray();
        ulong nonces = session.Snapshot().NoncesTried;
        await Task.Delay(300);
        Assert.Equal(calls, searchers.Select(s => Volatile.Read(ref s.Calls)));
        Assert.Equal(nonces, session.Snapshot().NoncesTried);

        source.Gate.Open();
        Assert.True(await EventuallyAsync(() => searchers.Select((s, i) => s.Calls > calls[i]).All(b => b)), "the workers did not resume");
        Assert.Equal(0, session.Snapshot().PausedWorkers);
    }

    [Fact]
    public async Task A_stop_ends_paused_workers_at_once()
    {
        var source = new GatedSource(Unsolvable);
        source.Gate.Close();
        using var stop = new CancellationTokenSource();
        var searcher = new ScriptedSearcher((_, _, _, _, _) => (false, 0));
        using var session = PowSolver.Start([searcher], source, new SolverOptions(), stop.Token);
        Assert.True(await EventuallyAsync(() => session.Snapshot().PausedWorkers == 1));

        var clock = Stopwatch.StartNew();
        stop.Cancel();
        var result = await session.Completion.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(SolveOutcome.Cancelled, result.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed}");
        Assert.Equal(0, searcher.Calls);
    }
}

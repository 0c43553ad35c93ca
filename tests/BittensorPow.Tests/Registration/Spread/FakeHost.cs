using System.Collections.Concurrent;
using BittensorPow.Registration.Spread;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>
/// A spread search's host that runs a script instead of New-PowSolution: each Start runs the script on a pool thread with
/// that search's assignment and events; Stop cancels the search's token and is counted. <paramref name="notReady"/>: why
/// it cannot search, said after <paramref name="prepareMs"/> to the first <paramref name="notReadyTimes"/> PrepareAsync
/// calls (every one by default).
/// </summary>
public sealed class FakeHost(string name, Func<FakeSearch, Task> script, string? notReady = null, int prepareMs = 0,
    int notReadyTimes = int.MaxValue) : ISpreadHost
{
    private readonly ConcurrentQueue<FakeSearch> _searches = new();
    private readonly ConcurrentQueue<CancellationToken> _prepares = new();
    private int _stops;
    private volatile FakeSearch? _current;

    public string Name => name;

    /// <summary>Every search started on this host, the first first.</summary>
    public IReadOnlyList<FakeSearch> Searches => [.. _searches];

    public int Stops => Volatile.Read(ref _stops);

    /// <summary>The token of every PrepareAsync call, the first first.</summary>
    public IReadOnlyList<CancellationToken> Prepares => [.. _prepares];

    public async Task<string?> PrepareAsync(CancellationToken cancellation)
    {
        _prepares.Enqueue(cancellation);
        bool ready = _prepares.Count > notReadyTimes;
        await Task.Delay(prepareMs, cancellation);
        return ready ? null : notReady;
    }

    public void Start(HostAssignment assignment, IHostEvents events)
    {
        var search = new FakeSearch(assignment, events, _searches.Count);
        _searches.Enqueue(search);
        _current = search;
        _ = Task.Run(async () =>
        {
            try { await script(search); }
            catch (OperationCanceledException) when (search.Stopped.IsCancellationRequested) { }
        });
    }

    public Task StopAsync()
    {
        Interlocked.Increment(ref _stops);
        _current?.Stop();
        return Task.CompletedTask;
    }
}

namespace BittensorPow.Engine.Solving;

using BittensorPow.Engine.Backends;

/// <summary>
/// Runs searchers on dedicated threads over disjoint ranges of positions in the challenge's search order until a verified
/// hit, cancellation or the time limit. A hit's position is mapped to its nonce (<see cref="Challenge.NonceAt"/>) and
/// re-verified on the scalar reference path before it is accepted.
/// </summary>
public static class PowSolver
{
    private static int _runningWorkers;

    /// <summary>Worker threads alive in this process, across all sessions (tests use it to prove a stop leaves none).</summary>
    public static int RunningWorkers => Volatile.Read(ref _runningWorkers);

    internal static void WorkerStarted() => Interlocked.Increment(ref _runningWorkers);
    internal static void WorkerEnded() => Interlocked.Decrement(ref _runningWorkers);

    public static SolveSession Start(IReadOnlyList<ISealSearcher> searchers, IBlockTemplateSource source, SolverOptions options,
        CancellationToken cancellation)
    {
        if (searchers.Count == 0) throw new ArgumentException("At least one searcher is needed.", nameof(searchers));
        if (options.UpdateInterval == 0) throw new ArgumentOutOfRangeException(nameof(options), "UpdateInterval must be at least 1.");
        var session = new SolveSession(searchers, source, options, cancellation);
        session.Run();
        return session;
    }

    public static SolveResult Solve(IReadOnlyList<ISealSearcher> searchers, IBlockTemplateSource source, SolverOptions options,
        CancellationToken cancellation)
    {
        using var session = Start(searchers, source, options, cancellation);
        return session.Completion.GetAwaiter().GetResult();
    }
}

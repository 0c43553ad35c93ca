namespace BittensorPow.Registration.Solving;

/// <summary>How a running solve shows itself: its progress activity, the status line, and who else has verbose lines to drain.</summary>
public sealed record SolveDisplay(ProgressActivity ActivityId, string Activity)
{
    /// <summary>The status line from a snapshot; null: <see cref="SolveRunner.Describe"/>.</summary>
    public Func<SolverStatistics, string>? Describe { get; init; }

    /// <summary>Verbose lines from the template source's own thread (new heads, runtime upgrades).</summary>
    public ConcurrentQueue<string>? SourceMessages { get; init; }

    /// <summary>The node the work comes from, whose drops and reconnects are written as they happen.</summary>
    public Chain.NodeWatch? Node { get; init; }
}

namespace BittensorPow.Registration;

/// <summary>One progress snapshot; <see cref="Completed"/> closes the activity.</summary>
public sealed record WorkflowProgress(ProgressActivity ActivityId, string Activity, string Status)
{
    public string? CurrentOperation { get; init; }

    public bool Completed { get; init; }

    /// <summary>
    /// The solve's snapshot behind a solving progress line: on the first, at most one a second after it, and on the last, so
    /// that whoever publishes it (a spread search's hosts do) need not count time.
    /// </summary>
    public SolverStatistics? Statistics { get; init; }
}

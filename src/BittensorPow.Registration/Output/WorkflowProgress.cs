using BittensorPow.Engine.Solving;

namespace BittensorPow.Registration;

/// <summary>One progress snapshot; <see cref="Completed"/> closes the activity.</summary>
public sealed record WorkflowProgress(ProgressActivity ActivityId, string Activity, string Status)
{
    public string? CurrentOperation { get; init; }

    public bool Completed { get; init; }

    /// <summary>The solve's snapshot behind a solving progress line (a spread search's hosts report it).</summary>
    public SolverStatistics? Statistics { get; init; }
}

namespace BittensorPow.Registration.Solving;

/// <summary>One solve: the searchers (disposed when it ends), where the work comes from, the solver's knobs, and what the solution records.</summary>
public sealed record SearchPlan(IReadOnlyList<ISealSearcher> Searchers, IBlockTemplateSource Source, SolverOptions Options)
{
    public ushort? NetUid { get; init; }
    public string? Endpoint { get; init; }

    /// <summary>The node the work comes from: what happens to its connection is written while the search runs.</summary>
    public Chain.NodeWatch? Node { get; init; }

    /// <summary>Which rule the solution is judged by, and why (shown on the solution).</summary>
    public required string SealRule { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>What to measure: the back end and its knobs, for how long, and which seal.</summary>
public sealed record HashRateRequest(SolveRequest Solve, double Seconds)
{
    public SealScheme Scheme { get; init; } = SealScheme.Legacy;
}

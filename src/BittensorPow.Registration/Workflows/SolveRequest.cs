namespace BittensorPow.Registration.Workflows;

/// <summary>How to search: the back end and its knobs, as the user gave them.</summary>
public sealed record SolveRequest(PowBackend Backend, int? ThreadCount = null, int[]? DeviceIds = null,
    int ThreadsPerBlock = Engine.Backends.Gpu.GpuBackends.DefaultThreadsPerBlock, SolverOptions? Options = null)
{
    public SolverOptions SolverOptions => Options ?? new SolverOptions();

    /// <summary>Tests (and embedders) inject searchers, e.g. a fake that reports a wrong nonce; null builds them from the back end.</summary>
    public Func<IReadOnlyList<ISealSearcher>>? Searchers { get; init; }

    /// <summary>
    /// Solves somewhere else instead of here: the cmdlets plug the search spread over PowerShell remoting sessions in. It
    /// must return a solution it has verified and found fresh against the chain, or throw.
    /// </summary>
    public Func<OnlineSolveTarget, Solving.Solution>? Spread { get; init; }
}

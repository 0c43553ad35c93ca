namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution: offline work (a block the user names) or online work (a subnet on a node), and where it is searched.</summary>
public sealed record NewSolutionRequest
{
    /// <summary>The block, keys and difficulty to solve for, without a node; null: <see cref="Online"/>.</summary>
    public OfflineSolveRequest? Offline { get; init; }

    /// <summary>The subnet and keys to solve for on <see cref="Node"/>.</summary>
    public OnlineSolveRequest? Online { get; init; }

    public NodeChoice Node { get; init; } = NodeChoice.Default;

    /// <summary>
    /// -TimeoutSec. Online on this machine it bounds the whole call, connecting and every RPC included; spread, each host
    /// bounds its own search with it and here it bounds connecting.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Hosts to spread the search over (each searches its own partition); null: this machine searches.</summary>
    public SpreadPlan? Spread { get; init; }
}

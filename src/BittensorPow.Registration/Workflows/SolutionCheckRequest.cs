namespace BittensorPow.Registration.Workflows;

/// <summary>A solution to check: what its seal binds, the difficulty it claims, and where (if anywhere) to check it.</summary>
public sealed record SolutionCheckRequest(WorkBinding Work, ulong Difficulty, ulong Nonce, ChainSessions Sessions)
{
    /// <summary>The seal the solution claims; when given it must match the recomputed one.</summary>
    public byte[]? ClaimedSeal { get; init; }

    /// <summary>The node to judge staleness (and pow_register's watermark and difficulty) against; null: offline.</summary>
    public string? Endpoint { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

namespace BittensorPow.Engine.Solving;

/// <summary>Exhausted: every position of the range given by SolverOptions.NonceCount was tried without a hit.</summary>
public enum SolveOutcome { Solved, TimedOut, Cancelled, Failed, Exhausted }

public sealed record SolveResult
{
    public required SolveOutcome Outcome { get; init; }
    public BlockTemplate? Template { get; init; }
    /// <summary>The nonce the chain is sent (the found position mapped through <see cref="Challenge.NonceAt"/>).</summary>
    public ulong Nonce { get; init; }
    public byte[]? Seal { get; init; }
    public required SolverStatistics Statistics { get; init; }
    public required string Backend { get; init; }
    public Exception? Error { get; init; }
}

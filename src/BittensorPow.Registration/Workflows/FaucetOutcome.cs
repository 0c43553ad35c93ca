namespace BittensorPow.Registration.Workflows;

/// <summary>
/// One faucet drip: where its work and its extrinsic landed, what it paid, and the coldkey's free balance read at the
/// block that included it. <see cref="Error"/> is the chain's verdict when it failed.
/// </summary>
public sealed record FaucetOutcome(OutcomeStatus Status, int Attempts)
{
    public byte[] Coldkey { get; init; } = [];
    /// <summary>What the Faucet event paid (rao); null when no event was read.</summary>
    public ulong? AmountRao { get; init; }
    public ulong WorkBlock { get; init; }
    public ulong Nonce { get; init; }
    public ulong? InclusionBlock { get; init; }
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    /// <summary>The coldkey's free balance (rao) at <see cref="InclusionBlock"/>.</summary>
    public UInt128? FreeRao { get; init; }
    /// <summary>From the announcement of the head the work was solved on to handing the extrinsic to the node.</summary>
    public TimeSpan HeadToSubmitted { get; init; }
    /// <summary>The part of <see cref="HeadToSubmitted"/> after the solution was found: signing and the last staleness check.</summary>
    public TimeSpan SolvedToSubmitted { get; init; }
    public PowError? Error { get; init; }
    /// <summary>Where the node last said the extrinsic stood (Submitted with -Wait None, InBlock, …).</summary>
    public TransactionStatus? NodeStatus { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// One faucet drip: where its work and its extrinsic landed, what it paid, and the coldkey's free balance read at the
/// block that included it.
/// </summary>
public sealed record FaucetOutcome : ExtrinsicOutcome
{
    public FaucetOutcome(SubmissionResult submitted, byte[] coldkey, int attempt) : base(submitted, OutcomeStatus.Funded, attempt) =>
        Coldkey = coldkey;

    public byte[] Coldkey { get; }

    /// <summary>What the Faucet event paid (rao); null when no event was read.</summary>
    public ulong? AmountRao { get; init; }
    public ulong WorkBlock { get; init; }
    public ulong Nonce { get; init; }
    public ulong? InclusionBlock { get; init; }

    /// <summary>The coldkey's free balance (rao) at <see cref="InclusionBlock"/>.</summary>
    public UInt128? FreeRao { get; init; }

    /// <summary>From the announcement of the head the work was solved on to handing the extrinsic to the node.</summary>
    public TimeSpan HeadToSubmitted { get; init; }
}

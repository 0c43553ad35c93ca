namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// The wait for a transaction's status ran out. The transaction may still be included later: check
/// <see cref="ExtrinsicHash"/> on chain before submitting it again.
/// </summary>
public sealed class SubmissionTimeoutException(
    byte[] extrinsicHash, WaitFor waitFor, TimeSpan timeout, TransactionStatus? lastStatus, string? lastBlockHash)
    : TimeoutException(
        $"No {(waitFor == WaitFor.Finalized ? "finalization" : "inclusion")} of {Hex.Encode(extrinsicHash)} "
        + $"within {timeout.TotalSeconds:0.#} s"
        + (lastStatus is null
            ? " (the node did not even confirm the submission)."
            : $" (last status: {lastStatus}{(lastBlockHash is null ? "" : $" in {lastBlockHash}")}).")
        + " It may still be included; check before submitting it again.")
{
    public byte[] ExtrinsicHash { get; } = extrinsicHash;
    public TransactionStatus? LastStatus { get; } = lastStatus;
    /// <summary>The block it was last reported in (InBlock), if any.</summary>
    public string? LastBlockHash { get; } = lastBlockHash;
}

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// What became of one submitted registration or faucet extrinsic: what the node and the chain said of it (read-only,
/// from the submission), the verdict the workflow adds when it failed (<see cref="Error"/>), and how long it took to
/// hand over.
/// </summary>
public abstract record ExtrinsicOutcome
{
    /// <param name="success">The status when the chain ran it successfully: Registered or Funded.</param>
    protected ExtrinsicOutcome(SubmissionResult submitted, OutcomeStatus success, int attempt)
    {
        Status = submitted.Success switch
        {
            true => success,
            false => OutcomeStatus.Failed,
            null => OutcomeStatus.Pending,
        };
        Attempts = attempt;
        BlockHash = submitted.BlockHash;
        ExtrinsicHash = submitted.ExtrinsicHashHex;
        NodeStatus = submitted.Status;
    }

    public OutcomeStatus Status { get; }
    public int Attempts { get; }
    public string? BlockHash { get; }
    public string? ExtrinsicHash { get; }

    /// <summary>Where the node last said the extrinsic stood (Submitted with -Wait None, InBlock, …).</summary>
    public TransactionStatus? NodeStatus { get; }
    public PowError? Error { get; init; }

    /// <summary>
    /// From the moment the proof may be signed (found; for pow_register, its wait for a block without this subnet's
    /// registration over) to handing the extrinsic to the node: the last checks and the signing.
    /// </summary>
    public TimeSpan SolvedToSubmitted { get; init; }

    /// <summary>The status as users read it: the outcome, or while it is pending the node's last status (InBlock, …).</summary>
    public string StatusName => Status == OutcomeStatus.Pending && NodeStatus is { } last ? last.ToString() : Status.ToString();
}

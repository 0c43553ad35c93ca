namespace BittensorPow.Registration.Workflows;

/// <summary>A signed transaction to submit, how far to follow it and for how long.</summary>
public sealed record Submission(SignedTransaction Transaction, WaitFor Wait, TimeSpan Timeout)
{
    /// <summary>
    /// The span this submission is part of, told when the node has taken the transaction, so that running out says
    /// whether it was submitting or waiting for inclusion.
    /// </summary>
    public CallDeadline? Deadline { get; init; }

    /// <summary>
    /// Signs the same call again. A transaction signed for a runtime the node has just left (an upgrade announced after
    /// signing) is refused by the pool as a bad signature and reaches no block: with this, the runtime is read and the
    /// call signed and submitted once more for the runtime the node runs.
    /// </summary>
    public Func<SignedTransaction>? Resign { get; init; }
}

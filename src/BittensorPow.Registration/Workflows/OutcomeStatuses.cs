namespace BittensorPow.Registration.Workflows;

public static class OutcomeStatuses
{
    /// <summary><paramref name="success"/>, Failed, or Pending when the node has not said how it ended.</summary>
    public static OutcomeStatus Of(SubmissionResult submitted, OutcomeStatus success) => submitted.Success switch
    {
        true => success,
        false => OutcomeStatus.Failed,
        null => OutcomeStatus.Pending,
    };

    /// <summary>The status as users read it: the outcome, or while it is pending the node's last status (InBlock, …).</summary>
    public static string Name(OutcomeStatus status, TransactionStatus? node) =>
        status == OutcomeStatus.Pending && node is { } last ? last.ToString() : status.ToString();
}

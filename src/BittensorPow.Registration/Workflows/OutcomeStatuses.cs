namespace BittensorPow.Registration.Workflows;

public static class OutcomeStatuses
{
    /// <summary><paramref name="success"/>, Failed, or the node's last status when the outcome is not known.</summary>
    public static OutcomeStatus Of(SubmissionResult submitted, OutcomeStatus success) => submitted.Success switch
    {
        true => success,
        false => OutcomeStatus.Failed,
        null => Enum.Parse<OutcomeStatus>(submitted.Status.ToString()),
    };
}

using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// What a registration or faucet extrinsic came to, as users see it: it succeeded (Registered, Funded), the chain ran it
/// and it failed (Failed), or the last status the node reported when the outcome is not known yet.
/// </summary>
public enum OutcomeStatus
{
    Registered,
    Funded,
    Failed,
    Submitted,
    Future,
    Ready,
    Broadcast,
    InBlock,
    Retracted,
    FinalityTimeout,
    Finalized,
    Usurped,
    Dropped,
    Invalid,
}

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

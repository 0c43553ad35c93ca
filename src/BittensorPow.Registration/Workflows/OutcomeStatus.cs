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

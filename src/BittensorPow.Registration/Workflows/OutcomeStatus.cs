namespace BittensorPow.Registration.Workflows;

/// <summary>
/// What a registration or faucet extrinsic came to: it succeeded (Registered, Funded), the chain ran it and it failed
/// (Failed), or the outcome is not known yet (Pending: the node's last <see cref="TransactionStatus"/> says where it stood).
/// </summary>
public enum OutcomeStatus
{
    Registered,
    Funded,
    Failed,
    Pending,
}

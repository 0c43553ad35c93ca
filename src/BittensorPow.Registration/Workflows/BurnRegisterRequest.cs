namespace BittensorPow.Registration.Workflows;

/// <summary>
/// A burned registration: the hotkey's public key only, the coldkey's public key and a way to unlock it (called once,
/// after confirmation), and the most TAO (in rao) the user accepts to burn; null refuses and reports the burn.
/// </summary>
public sealed record BurnRegisterRequest(ushort NetUid, byte[] Hotkey, byte[] ColdkeyPublic, Func<Sr25519KeyPair> UnlockColdkey, ulong? MaxCostRao)
{
    /// <summary>-Wait and -TimeoutSec; a burn is one attempt (no work goes stale), so MaxAttempts does not apply.</summary>
    public SubmissionPolicy Submission { get; init; } = new();

    /// <summary>Skip the balance check and, where the chain enforces the cap (register_limit), the client's cap check.</summary>
    public bool SkipValidation { get; init; }
}

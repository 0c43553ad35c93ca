namespace BittensorPow.Registration.Workflows;

/// <summary>What happened to one register, burned_register or pow_register extrinsic.</summary>
public sealed record RegistrationOutcome : ExtrinsicOutcome
{
    /// <summary>What a registration extrinsic came to (<see cref="ExtrinsicOutcome.Error"/> is left for the caller's advice).</summary>
    public RegistrationOutcome(SubmissionResult submitted, ushort netUid, byte[] hotkey, int attempt)
        : base(submitted, OutcomeStatus.Registered, attempt)
    {
        NetUid = netUid;
        Account = hotkey;
        Uid = submitted.Registration?.Uid;
    }

    public ushort? NetUid { get; }
    public byte[] Account { get; }
    public ushort? Uid { get; }

    /// <summary>The block the work was solved for; null for a burned registration.</summary>
    public ulong? BlockNumber { get; init; }
    public ulong? Nonce { get; init; }
}

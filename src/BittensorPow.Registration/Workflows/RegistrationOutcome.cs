namespace BittensorPow.Registration.Workflows;

/// <summary>What happened to one register (or faucet) extrinsic; <see cref="Error"/> is the chain's verdict when it failed.</summary>
public sealed record RegistrationOutcome(OutcomeStatus Status, int Attempts)
{
    public ushort? NetUid { get; init; }
    public byte[] Account { get; init; } = [];
    public ushort? Uid { get; init; }
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    public ulong? BlockNumber { get; init; }
    public ulong? Nonce { get; init; }
    public PowError? Error { get; init; }

    /// <summary>Where the node last said the extrinsic stood (Submitted with -Wait None, InBlock, …).</summary>
    public TransactionStatus? NodeStatus { get; init; }

    /// <summary>
    /// pow_register: from the moment the proof may be signed (found, or its wait for a block without this subnet's
    /// registration over) to handing the extrinsic to the node: the re-check and the signing.
    /// </summary>
    public TimeSpan SolvedToSubmitted { get; init; }

    /// <summary>What a registration extrinsic came to (<see cref="Error"/> is left for the caller's advice).</summary>
    public static RegistrationOutcome From(SubmissionResult submitted, ushort netUid, byte[] hotkey, int attempt) =>
        new(OutcomeStatuses.Of(submitted, OutcomeStatus.Registered), attempt)
        {
            NetUid = netUid, Account = hotkey, Uid = submitted.Registration?.Uid, BlockHash = submitted.BlockHash,
            ExtrinsicHash = submitted.ExtrinsicHashHex, NodeStatus = submitted.Status,
        };

}

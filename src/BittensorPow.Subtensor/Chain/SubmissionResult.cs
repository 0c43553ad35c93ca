namespace BittensorPow.Subtensor.Chain;

/// <summary>How long <see cref="ExtrinsicSubmitter"/> follows a transaction.</summary>
public enum WaitFor
{
    /// <summary>Hand it to the node (author_submitExtrinsic) and return; the outcome is not known.</summary>
    None,
    /// <summary>Until it is in a best block; its events are read there (the block may still be retracted).</summary>
    InBlock,
    /// <summary>Until its block is finalized.</summary>
    Finalized,
}

/// <summary>A neuron registration read from <c>SubtensorModule.NeuronRegistered(netuid, uid, hotkey)</c>.</summary>
public sealed record NeuronRegistration(ushort NetUid, ushort Uid, byte[] Hotkey)
{
    public override string ToString() => $"uid {Uid} on subnet {NetUid} for {Keys.Ss58.Encode(Hotkey)}";
}

/// <summary>
/// What became of a submitted extrinsic. <see cref="Success"/> is true or false only once its block's events were
/// read (System.ExtrinsicSuccess / System.ExtrinsicFailed); null when the outcome is not known (not waited for, or
/// dropped/invalid/usurped before it reached a block).
/// </summary>
public sealed record SubmissionResult(
    byte[] ExtrinsicHash,
    TransactionStatus Status,
    string? BlockHash,
    uint? ExtrinsicIndex,
    bool? Success,
    DispatchError? DispatchError,
    IReadOnlyList<ChainEvent> Events,
    NeuronRegistration? Registration)
{
    public string ExtrinsicHashHex => Hex.Encode(ExtrinsicHash);

    public override string ToString()
    {
        var where = BlockHash is null ? "" : $" in block {BlockHash}" + (ExtrinsicIndex is { } i ? $" at index {i}" : "");
        var outcome = Success switch
        {
            true => Registration is null ? ", succeeded" : $", succeeded: {Registration}",
            false => $", failed: {DispatchError?.Message ?? "no reason given"}",
            null => "",
        };
        return $"{ExtrinsicHashHex}: {Status}{where}{outcome}";
    }
}

/// <summary>
/// The wait for a transaction's status ran out. The transaction may still be included later: check
/// <see cref="ExtrinsicHash"/> on chain before submitting it again.
/// </summary>
public sealed class SubmissionTimeoutException(byte[] extrinsicHash, WaitFor waitFor, TimeSpan timeout, TransactionStatus? lastStatus, string? lastBlockHash)
    : TimeoutException($"No {(waitFor == WaitFor.Finalized ? "finalization" : "inclusion")} of {Hex.Encode(extrinsicHash)} within {timeout.TotalSeconds:0.#} s" +
        (lastStatus is null ? " (the node did not even confirm the submission)." : $" (last status: {lastStatus}{(lastBlockHash is null ? "" : $" in {lastBlockHash}")}).") +
        " It may still be included; check before submitting it again.")
{
    public byte[] ExtrinsicHash { get; } = extrinsicHash;
    public TransactionStatus? LastStatus { get; } = lastStatus;
    /// <summary>The block it was last reported in (InBlock), if any.</summary>
    public string? LastBlockHash { get; } = lastBlockHash;
}

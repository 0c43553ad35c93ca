namespace BittensorPow.Subtensor.Chain.Submission;

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

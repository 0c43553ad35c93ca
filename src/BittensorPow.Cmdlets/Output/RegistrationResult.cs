namespace BittensorPow.Cmdlets.Output;

/// <summary>Register-SubtensorNeuron / Request-SubtensorFaucet: what happened to the transaction.</summary>
public sealed class RegistrationResult
{
    public ushort? NetUid { get; init; }
    public string Hotkey { get; init; } = "";
    public ushort? Uid { get; init; }
    public string Status { get; init; } = "";
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    public string? Error { get; init; }
    public ulong? BlockNumber { get; init; }
    public ulong? Nonce { get; init; }
    public int Attempts { get; init; }

    internal static RegistrationResult From(RegistrationOutcome o) => new()
    {
        NetUid = o.NetUid, Hotkey = Ss58.Encode(o.Account), Uid = o.Uid, Status = OutcomeStatuses.Name(o.Status, o.NodeStatus),
        BlockHash = o.BlockHash,
        ExtrinsicHash = o.ExtrinsicHash, Error = o.Error?.Message, BlockNumber = o.BlockNumber, Nonce = o.Nonce, Attempts = o.Attempts,
    };
}

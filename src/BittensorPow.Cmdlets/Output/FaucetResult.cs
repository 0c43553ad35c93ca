namespace BittensorPow.Cmdlets.Output;

/// <summary>Request-SubtensorFaucet: one drip, and the coldkey's free balance at the block that included it.</summary>
public sealed class FaucetResult
{
    public string Coldkey { get; init; } = "";
    public string Status { get; init; } = "";
    public decimal? Amount { get; init; }
    public ulong WorkBlock { get; init; }
    public ulong? InclusionBlock { get; init; }
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    public decimal? Balance { get; init; }
    public int Attempts { get; init; }
    public ulong Nonce { get; init; }
    public string? Error { get; init; }

    internal static FaucetResult From(FaucetOutcome o) => new()
    {
        Coldkey = Ss58.Encode(o.Coldkey), Status = OutcomeStatuses.Name(o.Status, o.NodeStatus),
        Amount = o.AmountRao is { } a ? Tao.FromRao(a) : null,
        WorkBlock = o.WorkBlock, InclusionBlock = o.InclusionBlock, BlockHash = o.BlockHash, ExtrinsicHash = o.ExtrinsicHash,
        Balance = o.FreeRao is { } f ? Tao.FromRao(f) : null, Attempts = o.Attempts, Nonce = o.Nonce, Error = o.Error?.Message,
    };
}

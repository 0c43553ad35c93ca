namespace BittensorPow.Cmdlets.Output;

/// <summary>Request-SubtensorFaucet: one drip, and the coldkey's free balance at the block that included it.</summary>
public sealed class FaucetResult
{
    public string Coldkey { get; init; } = "";
    /// <summary>Funded, Failed, Submitted (-Wait None), InBlock, Finalized.</summary>
    public string Status { get; init; } = "";
    /// <summary>TAO paid by this drip (the chain's Faucet event); null when not read.</summary>
    public decimal? Amount { get; init; }
    /// <summary>The block the work was solved on.</summary>
    public ulong WorkBlock { get; init; }
    /// <summary>The block that included the extrinsic.</summary>
    public ulong? InclusionBlock { get; init; }
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    /// <summary>The coldkey's free balance in TAO, read at <see cref="InclusionBlock"/>.</summary>
    public decimal? Balance { get; init; }
    public int Attempts { get; init; }
    public ulong Nonce { get; init; }
    /// <summary>The pallet error (with the runtime's own docs); null on success.</summary>
    public string? Error { get; init; }

    internal static FaucetResult From(FaucetOutcome o) => new()
    {
        Coldkey = Ss58.Encode(o.Coldkey), Status = OutcomeStatuses.Name(o.Status, o.NodeStatus),
        Amount = o.AmountRao is { } a ? Tao.FromRao(a) : null,
        WorkBlock = o.WorkBlock, InclusionBlock = o.InclusionBlock, BlockHash = o.BlockHash, ExtrinsicHash = o.ExtrinsicHash,
        Balance = o.FreeRao is { } f ? Tao.FromRao(f) : null, Attempts = o.Attempts, Nonce = o.Nonce, Error = o.Error?.Message,
    };
}

namespace BittensorPow.Cmdlets.Output;

public sealed partial class FaucetResult
{
    internal static FaucetResult From(FaucetOutcome o) => new()
    {
        Coldkey = Ss58.Encode(o.Coldkey), Status = o.StatusName,
        Amount = o.AmountRao is { } a ? Tao.FromRao(a) : null,
        WorkBlock = o.WorkBlock, InclusionBlock = o.InclusionBlock, BlockHash = o.BlockHash, ExtrinsicHash = o.ExtrinsicHash,
        Balance = o.FreeRao is { } f ? Tao.FromRao(f) : null, Attempts = o.Attempts, Nonce = o.Nonce, Error = o.Error?.Message,
    };
}

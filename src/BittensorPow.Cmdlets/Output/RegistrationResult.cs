namespace BittensorPow.Cmdlets.Output;

public sealed partial class RegistrationResult
{
    internal static RegistrationResult From(RegistrationOutcome o) => new()
    {
        NetUid = o.NetUid, Hotkey = Ss58.Encode(o.Account), Uid = o.Uid, Status = o.StatusName,
        BlockHash = o.BlockHash,
        ExtrinsicHash = o.ExtrinsicHash, Error = o.Error?.Message, BlockNumber = o.BlockNumber, Nonce = o.Nonce, Attempts = o.Attempts,
    };
}

using BittensorPow.DevNode.Chain;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// What SubtensorTransactionExtension adds for a directly submitted pow_register (SPEC §10): the pallet's checks run
/// before the pool admits it, a failure is InvalidTransaction::Custom (3 = SubnetNotExists, 25 = NonAssociatedColdKey,
/// 255 = BadRequest for every other PoW error), one <c>provides</c> tag per (hotkey, work_block), and a longevity
/// that ends with the work's last valid block (work on W: valid through block W + 5, then dropped).
/// </summary>
public static class PowRegisterValidity
{
    public const byte SubnetNotExists = 3, NonAssociatedColdKey = 25, BadRequest = 255;

    public static byte CustomCode(string palletError) => palletError switch
    {
        "SubnetNotExists" => SubnetNotExists,
        "NonAssociatedColdKey" => NonAssociatedColdKey,
        _ => BadRequest,
    };

    /// <summary>
    /// Checks <paramref name="entry"/> as for the block <paramref name="context"/> executes (the pool: head + 1 on the
    /// head's state) and records its tag and last valid block; throws the pool's refusal.
    /// </summary>
    public static void Validate(DispatchContext context, PoolEntry entry)
    {
        var args = PowRegisterCall.Args.From((Subtensor.Metadata.ScaleVariant)entry.Call.Fields[0].Value);
        try { PowRegisterCall.Check(context, entry.Signer, args); }
        catch (PalletError e) { throw TransactionRejected.Custom(CustomCode(e.Name)); }
        entry.ProvidesTag = $"pow_register:{Convert.ToHexStringLower(args.Hotkey)}:{args.WorkBlock}";
        entry.ValidTill = args.WorkBlock + PowRegisterCall.MaxWorkAge;
    }
}

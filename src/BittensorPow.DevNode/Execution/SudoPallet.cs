using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// pallet-sudo's <c>sudo(call)</c> (the call as root) and <c>sudo_as(who, call)</c> (the call signed by who), for the
/// key in Sudo.Key. The inner call's result goes into Sudid / SudoAsDone { sudo_result }; the sudo extrinsic itself
/// succeeds. sudo_as is how a chain's own tests reach a pallet's dispatch errors past the transaction pool.
/// Only the sudo key may submit these at all: SudoTransactionExtension refuses anyone else in the pool
/// (<see cref="CheckSigner"/>).
/// </summary>
public static class SudoPallet
{
    public const string Name = "Sudo";

    public static void Dispatch(DispatchContext c, ScaleVariant call, CallDispatcher dispatcher)
    {
        if (c.IsRoot || !IsKey(c.State, c.Signer)) throw new PalletError(Name, "RequireSudo");
        switch (call.Name)
        {
            case "sudo":
            {
                var error = dispatcher.Dispatch(c.As(null), (ScaleVariant)call["call"]);
                Deposit(c, "Sudid", error);
                break;
            }
            case "sudo_as":
            {
                var who = (ScaleVariant)call["who"];
                if (who.Name != "Id") throw new NotSupportedException($"Sudo.sudo_as: only MultiAddress::Id is modelled (got {who.Name}).");
                var error = dispatcher.Dispatch(c.As(who.Fields[0].Value.AsBytes()), (ScaleVariant)call["call"]);
                Deposit(c, "SudoAsDone", error);
                break;
            }
            default: throw new NotSupportedException($"Sudo.{call.Name} is not executed by the DevNode; it fails with DispatchError::Other.");
        }
    }

    /// <summary>SudoTransactionExtension: a Sudo call from anyone but the key is InvalidTransaction::BadSigner.</summary>
    public static void CheckSigner(StateOverlay state, ScaleVariant runtimeCall, byte[] signer)
    {
        if (runtimeCall.Name == Name && !IsKey(state, signer)) throw TransactionRejected.BadSigner;
    }

    private static bool IsKey(StateOverlay s, byte[] account)
        => s.Has(Name, "Key") && s.Get(Name, "Key") is { } key && key.AsBytes().AsSpan().SequenceEqual(account);

    private static void Deposit(DispatchContext c, string eventName, ScaleValue? error)
    {
        var vc = c.Events.Find(Name, eventName)!;
        c.Deposit(Name, eventName, c.Events.Result(vc.Fields[0].TypeId, error));
    }
}

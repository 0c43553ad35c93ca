using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Routes a RuntimeCall to the pallet that executes it and turns a failure into the DispatchError an event carries
/// (Module { index, error }, BadOrigin, or Other for calls the DevNode does not execute). A failed call's own
/// storage changes and events are rolled back, as FRAME dispatches every call transactionally.
/// </summary>
public sealed class CallDispatcher(RuntimeProfile runtime, EventLog events, DispatchFailures? failures)
{
    /// <summary>Dispatches; null on success, else the DispatchError value (the state is then as before the call).</summary>
    public ScaleValue? Dispatch(DispatchContext c, ScaleVariant runtimeCall)
    {
        var before = c.State.State;
        ScaleValue? error;
        try
        {
            Route(c, runtimeCall);
            return null;
        }
        catch (PalletError e)
        {
            var info = runtime.Decoded.TryGetError(e.Pallet, e.Name)
                ?? throw new InvalidOperationException($"The runtime has no error {e.Pallet}.{e.Name}.");
            error = events.ModuleError(info.PalletIndex, info.ErrorIndex);
            failures?.Add(c.BlockNumber, CallName(runtimeCall), e.Name);
        }
        catch (BadOrigin)
        {
            error = events.DispatchError("BadOrigin");
            failures?.Add(c.BlockNumber, CallName(runtimeCall), "BadOrigin");
        }
        catch (NotSupportedException e)
        {
            Console.Error.WriteLine($"DevNode: {e.Message}");
            error = events.OtherError();
            failures?.Add(c.BlockNumber, CallName(runtimeCall), "Other");
        }
        c.State.State = before;
        return error;
    }

    public static string CallName(ScaleVariant runtimeCall) => $"{runtimeCall.Name}.{((ScaleVariant)runtimeCall.Fields[0].Value).Name}";

    private void Route(DispatchContext c, ScaleVariant runtimeCall)
    {
        var call = (ScaleVariant)runtimeCall.Fields[0].Value;
        switch (runtimeCall.Name)
        {
            case SubtensorPallet.Name:
                // Every SubtensorModule call modelled here starts with ensure_signed.
                if (c.IsRoot) throw new BadOrigin(CallName(runtimeCall));
                RouteSubtensor(c, runtimeCall, call);
                return;
            case SudoPallet.Name: SudoPallet.Dispatch(c, call, this); return;
            case AdminUtilsPallet.Name: AdminUtilsPallet.Dispatch(c, call); return;
            default: throw Unsupported(runtimeCall);
        }
    }

    private static void RouteSubtensor(DispatchContext c, ScaleVariant runtimeCall, ScaleVariant call)
    {
        switch (call.Name)
        {
            case "register": SubtensorPallet.Register(c, call); break;
            case "burned_register": SubtensorPallet.BurnedRegister(c, call["netuid"].AsUInt16(), call["hotkey"].AsBytes()); break;
            case "register_limit": SubtensorPallet.RegisterLimit(c, call); break;
            case "faucet": SubtensorPallet.Faucet(c, call); break;
            case Finney475Patch.CallName: PowRegisterCall.Dispatch(c, call); break;
            default: throw Unsupported(runtimeCall);
        }
    }

    private static NotSupportedException Unsupported(ScaleVariant runtimeCall)
        => new($"{CallName(runtimeCall)} is not executed by the DevNode; it fails with DispatchError::Other.");
}

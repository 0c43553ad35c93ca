using System.Collections.Immutable;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The DevNode's runtime: checks transactions like FRAME's executive, then dispatches the SubtensorModule
/// registration calls (<see cref="SubtensorPallet"/>) and records the outcome in System.Events. The nonce is bumped
/// before dispatch (CheckNonce), so it advances even when the call fails; a failed call's storage changes and events
/// are rolled back, the fee event and ExtrinsicFailed remain. Calls the DevNode does not implement fail with
/// DispatchError::Other.
/// </summary>
public sealed class SubtensorRuntime(RuntimeProfile runtime, DispatchFailures? failures = null) : IBlockExecutor
{
    private readonly TransactionChecks _checks = new(runtime);
    private readonly EventLog _events = new(runtime.Decoded);

    public PoolEntry Check(byte[] extrinsic, ImmutableSortedDictionary<string, byte[]> headState, ulong blockNumber, BlockHashLookup hashes)
    {
        var entry = _checks.Decode(extrinsic, blockNumber, hashes);
        TransactionChecks.IsFuture(entry, AccountNonce(headState, entry.Signer));
        return entry;
    }

    public ulong AccountNonce(ImmutableSortedDictionary<string, byte[]> state, byte[] account) => _checks.AccountNonce(state, account);

    public ImmutableSortedDictionary<string, byte[]> BeginBlock(ImmutableSortedDictionary<string, byte[]> parentState, ulong blockNumber)
    {
        var s = new StateOverlay(runtime.Decoded, parentState);
        s.Remove(s.Key("System", "Events"));
        if (s.Has("System", "EventCount")) s.Remove(s.Key("System", "EventCount"));
        // The pallet zeroes each subnet's RegistrationsThisBlock in its per-block step.
        s.Clear(SubtensorPallet.Name, "RegistrationsThisBlock");
        return s.State;
    }

    public ApplyOutcome Apply(ref ImmutableSortedDictionary<string, byte[]> state, PoolEntry entry, ulong blockNumber, uint index, BlockHashLookup hashes)
    {
        // The block re-checks what the pool accepted: the era may have run out, the nonce may not be due yet.
        try
        {
            _checks.Decode(entry.Bytes, blockNumber, hashes);
            if (TransactionChecks.IsFuture(entry, AccountNonce(state, entry.Signer))) return ApplyOutcome.Future;
        }
        catch (TransactionRejected) { return ApplyOutcome.Invalid; }

        var s = new StateOverlay(runtime.Decoded, state);
        Accounts.SetNonce(s, entry.Signer, entry.Nonce + 1);
        var beforeDispatch = s.State;
        var context = new DispatchContext(runtime, s, _events, index, blockNumber, entry.Signer, hashes);
        ScaleValue? error = null;
        try
        {
            Dispatch(context, entry.Call);
        }
        catch (PalletError e)
        {
            var info = runtime.Decoded.TryGetError(e.Pallet, e.Name)
                ?? throw new InvalidOperationException($"The runtime has no error {e.Pallet}.{e.Name}.");
            error = _events.ModuleError(info.PalletIndex, info.ErrorIndex);
            failures?.Add(blockNumber, CallName(entry.Call), e.Name);
        }
        catch (NotSupportedException e)
        {
            Console.Error.WriteLine($"DevNode: {e.Message}");
            error = _events.OtherError();
            failures?.Add(blockNumber, CallName(entry.Call), "Other");
        }
        if (error is not null) s.State = beforeDispatch;

        _events.Deposit(s, index, "TransactionPayment", "TransactionFeePaid", new ScaleBytes(entry.Signer), new ScaleNumber(0), new ScaleNumber(0));
        // The registration calls are Pays::No in the pallet's weight annotations.
        if (error is null) _events.Success(s, index, paysFee: false);
        else _events.Failed(s, index, error, paysFee: false);
        state = s.State;
        return ApplyOutcome.Applied;
    }

    private static string CallName(ScaleVariant runtimeCall) => $"{runtimeCall.Name}.{((ScaleVariant)runtimeCall.Fields[0].Value).Name}";

    private static void Dispatch(DispatchContext c, ScaleVariant runtimeCall)
    {
        var call = (ScaleVariant)runtimeCall.Fields[0].Value;
        switch (runtimeCall.Name, call.Name)
        {
            case (SubtensorPallet.Name, "register"): SubtensorPallet.Register(c, call); break;
            case (SubtensorPallet.Name, "burned_register"): SubtensorPallet.BurnedRegister(c, call["netuid"].AsUInt16(), call["hotkey"].AsBytes()); break;
            case (SubtensorPallet.Name, "register_limit"): SubtensorPallet.RegisterLimit(c, call); break;
            case (SubtensorPallet.Name, "faucet"): SubtensorPallet.Faucet(c, call); break;
            default: throw new NotSupportedException($"{runtimeCall.Name}.{call.Name} is not executed by the DevNode; it fails with DispatchError::Other.");
        }
    }
}

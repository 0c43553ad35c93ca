using System.Collections.Immutable;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The DevNode's runtime: checks transactions like FRAME's executive, then dispatches the calls it models
/// (<see cref="CallDispatcher"/>: SubtensorModule's registrations, Sudo, AdminUtils' PoW setters) and records the
/// outcome in System.Events. The nonce is bumped
/// before dispatch (CheckNonce), so it advances even when the call fails; a failed call's storage changes and events
/// are rolled back, the fee event and ExtrinsicFailed remain. Calls the DevNode does not implement fail with
/// DispatchError::Other. A pow_register is also checked by the runtime's transaction extension: in the pool (against
/// the head's state, as for the next block) and again when a block applies it (<see cref="PowRegisterValidity"/>).
/// </summary>
public sealed class SubtensorRuntime(RuntimeProfile runtime, DispatchFailures? failures = null, PowSwitchSchedule? schedule = null) : IBlockExecutor
{
    private readonly TransactionChecks _checks = new(runtime);
    private readonly EventLog _events = new(runtime.Decoded);
    private readonly CallDispatcher _dispatcher = new(runtime, new EventLog(runtime.Decoded), failures);
    private readonly bool _hasPowRegister = runtime.Decoded.TryGetCall(SubtensorPallet.Name, Finney475Patch.CallName) is not null;

    public PoolEntry Check(byte[] extrinsic, ImmutableSortedDictionary<string, byte[]> headState, ulong blockNumber, BlockHashLookup hashes)
    {
        var entry = _checks.Decode(extrinsic, blockNumber, hashes);
        TransactionChecks.IsFuture(entry, AccountNonce(headState, entry.Signer));
        ValidateExtensions(headState, entry, blockNumber, hashes);
        return entry;
    }

    /// <summary>The runtime's own transaction extensions (after CheckNonce): pow_register's checks, tag and longevity.</summary>
    private void ValidateExtensions(ImmutableSortedDictionary<string, byte[]> state, PoolEntry entry, ulong blockNumber, BlockHashLookup hashes)
    {
        var overlay = new StateOverlay(runtime.Decoded, state);
        SudoPallet.CheckSigner(overlay, entry.Call, entry.Signer);
        if (!PowRegisterCall.Is(entry.Call)) return;
        PowRegisterValidity.Validate(new DispatchContext(runtime, overlay, _events, 0, blockNumber, entry.Signer, hashes), entry);
    }

    public ulong AccountNonce(ImmutableSortedDictionary<string, byte[]> state, byte[] account) => _checks.AccountNonce(state, account);

    public ImmutableSortedDictionary<string, byte[]> BeginBlock(ImmutableSortedDictionary<string, byte[]> parentState, ulong blockNumber)
    {
        var s = new StateOverlay(runtime.Decoded, parentState);
        s.Remove(s.Key("System", "Events"));
        if (s.Has("System", "EventCount")) s.Remove(s.Key("System", "EventCount"));
        // The pallet zeroes each subnet's RegistrationsThisBlock in its per-block step.
        s.Clear(SubtensorPallet.Name, "RegistrationsThisBlock");
        PowBlockStep.Run(s, blockNumber, schedule?.TakeDue(blockNumber) ?? [], decay: _hasPowRegister);
        return s.State;
    }

    public ApplyOutcome Apply(ref ImmutableSortedDictionary<string, byte[]> state, PoolEntry entry, ulong blockNumber,
        uint index, BlockHashLookup hashes)
    {
        // The block re-checks what the pool accepted: the era may have run out, the nonce may not be due yet.
        try
        {
            _checks.Decode(entry.Bytes, blockNumber, hashes);
            if (TransactionChecks.IsFuture(entry, AccountNonce(state, entry.Signer))) return ApplyOutcome.Future;
            // A block builder drops what its extensions now refuse (e.g. a second registration on a subnet this block).
            ValidateExtensions(state, entry, blockNumber, hashes);
        }
        catch (TransactionRejected) { return ApplyOutcome.Invalid; }

        var s = new StateOverlay(runtime.Decoded, state);
        Accounts.SetNonce(s, entry.Signer, entry.Nonce + 1);
        var context = new DispatchContext(runtime, s, _events, index, blockNumber, entry.Signer, hashes);
        var error = _dispatcher.Dispatch(context, entry.Call);

        _events.Deposit(s, index, "TransactionPayment", "TransactionFeePaid", new ScaleBytes(entry.Signer), new ScaleNumber(0), new ScaleNumber(0));
        // The registration calls are Pays::No in the pallet's weight annotations.
        if (error is null) _events.Success(s, index, paysFee: false);
        else _events.Failed(s, index, error, paysFee: false);
        state = s.State;
        return ApplyOutcome.Applied;
    }
}

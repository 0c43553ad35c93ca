using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Runtime;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Everything one dispatch sees: the storage, the event log, the origin (a signer, or root for what Sudo.sudo
/// dispatches), and the block executing it.
/// </summary>
public sealed class DispatchContext(RuntimeProfile runtime, StateOverlay state, EventLog events, uint extrinsicIndex,
    ulong blockNumber, byte[] signer, BlockHashLookup hashes)
{
    public RuntimeProfile Runtime { get; } = runtime;
    public StateOverlay State { get; } = state;
    public EventLog Events { get; } = events;
    /// <summary>The signed origin's account (empty for root; check <see cref="IsRoot"/>).</summary>
    public byte[] Signer { get; } = signer;
    public bool IsRoot { get; private init; }

    /// <summary>The same dispatch under another origin: an account (sudo_as), or null for root (sudo).</summary>
    public DispatchContext As(byte[]? origin)
        => new(Runtime, State, Events, extrinsicIndex, BlockNumber, origin ?? [], hashes) { IsRoot = origin is null };

    /// <summary>ensure_signed: the signer, or BadOrigin for root.</summary>
    public byte[] SignedOrigin(string call) => IsRoot ? throw new BadOrigin(call) : Signer;
    /// <summary>get_current_block_as_u64: the block being built.</summary>
    public ulong BlockNumber { get; } = blockNumber;

    /// <summary>
    /// frame_system::block_hash(n): known for earlier blocks; the zero hash for the current block and later ones
    /// (the runtime has not stored them yet), which is what a seal for the current block is made from on chain.
    /// </summary>
    public byte[] BlockHash(ulong number) => number < BlockNumber ? hashes(number) ?? new byte[32] : new byte[32];

    public void Deposit(string pallet, string name, params Subtensor.Metadata.ScaleValue[] fields)
        => Events.Deposit(State, extrinsicIndex, pallet, name, fields);
}

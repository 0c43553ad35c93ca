using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Runtime;

namespace BittensorPow.DevNode.Execution;

/// <summary>A pallet error raised by a dispatch (the pallet's <c>ensure!(…, Error::&lt;T&gt;::Name)</c>).</summary>
public sealed class PalletError(string pallet, string name) : Exception($"{pallet}.{name}")
{
    public string Pallet { get; } = pallet;
    public string Name { get; } = name;
}

/// <summary>Everything one dispatch sees: the storage, the event log, the signer, and the block executing it.</summary>
public sealed class DispatchContext(RuntimeProfile runtime, StateOverlay state, EventLog events, uint extrinsicIndex,
    ulong blockNumber, byte[] signer, BlockHashLookup hashes)
{
    public RuntimeProfile Runtime { get; } = runtime;
    public StateOverlay State { get; } = state;
    public byte[] Signer { get; } = signer;
    /// <summary>get_current_block_as_u64: the block being built.</summary>
    public ulong BlockNumber { get; } = blockNumber;

    /// <summary>
    /// frame_system::block_hash(n): known for earlier blocks; the zero hash for the current block and later ones
    /// (the runtime has not stored them yet), which is what a seal for the current block is made from on chain.
    /// </summary>
    public byte[] BlockHash(ulong number) => number < BlockNumber ? hashes(number) ?? new byte[32] : new byte[32];

    public void Deposit(string pallet, string name, params Subtensor.Metadata.ScaleValue[] fields)
        => events.Deposit(State, extrinsicIndex, pallet, name, fields);
}

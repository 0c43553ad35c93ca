using System.Collections.Immutable;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// The runtime as the chain drives it: checks a transaction for the pool, starts a block, applies the pool's
/// transactions one by one. <see cref="ChainState"/> owns blocks and the pool; the executor owns what they mean.
/// </summary>
public interface IBlockExecutor
{
    /// <summary>
    /// The pool's validity check against the head state, as for a transaction in block <paramref name="blockNumber"/>
    /// (head + 1). Throws <see cref="Execution.TransactionRejected"/> for anything a node would refuse.
    /// </summary>
    PoolEntry Check(byte[] extrinsic, ImmutableSortedDictionary<string, byte[]> headState, ulong blockNumber, BlockHashLookup hashes);

    /// <summary>The signer's account nonce in a state (for the pool's ready/future split and system_accountNextIndex).</summary>
    ulong AccountNonce(ImmutableSortedDictionary<string, byte[]> state, byte[] account);

    /// <summary>on_initialize: what a runtime clears at the start of every block (events, per-block counters).</summary>
    ImmutableSortedDictionary<string, byte[]> BeginBlock(ImmutableSortedDictionary<string, byte[]> parentState, ulong blockNumber);

    /// <summary>Applies one transaction as extrinsic <paramref name="index"/> of block <paramref name="blockNumber"/>.</summary>
    ApplyOutcome Apply(ref ImmutableSortedDictionary<string, byte[]> state, PoolEntry entry, ulong blockNumber, uint index, BlockHashLookup hashes);
}

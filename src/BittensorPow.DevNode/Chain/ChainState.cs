using System.Collections.Immutable;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// The in-memory chain: blocks in order, each with its storage snapshot, plus the transaction pool. Thread-safe;
/// events and status notifications are raised outside the lock. <see cref="Submit"/> checks a transaction through
/// the <see cref="IBlockExecutor"/> (the runtime) and pools it; <see cref="ProduceBlock"/> starts a block, applies the
/// pool's due transactions in nonce order and seals the block.
/// </summary>
public sealed class ChainState
{
    /// <summary>Root of an empty trie (blake2-256 of 0x00): what a real node puts in extrinsicsRoot for a block without extrinsics.</summary>
    private static readonly byte[] EmptyTrieRoot = Convert.FromHexString("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

    private readonly object _lock = new();
    private readonly List<DevBlock> _blocks = [];
    private readonly Dictionary<string, DevBlock> _byHash = new(StringComparer.OrdinalIgnoreCase);
    private IBlockExecutor _executor;
    private readonly ulong _firstSlot;

    public ChainState(ImmutableSortedDictionary<string, byte[]> genesisState, IBlockExecutor executor, int finalityLag = 2, ulong firstSlot = 0)
    {
        FinalityLag = Math.Max(0, finalityLag);
        _executor = executor;
        _firstSlot = firstSlot;
        Append(Build(new byte[32], 0, [], genesisState));
    }

    public int FinalityLag { get; }
    public TransactionPool Pool { get; } = new();

    /// <summary>Raised after each new best block (the head).</summary>
    public event Action<DevBlock>? BlockProduced;

    /// <summary>Raised when a block becomes finalized (head minus the finality lag).</summary>
    public event Action<DevBlock>? BlockFinalized;

    public DevBlock Genesis { get { lock (_lock) return _blocks[0]; } }
    public DevBlock Head { get { lock (_lock) return _blocks[^1]; } }
    public DevBlock Finalized { get { lock (_lock) return _blocks[Math.Max(0, _blocks.Count - 1 - FinalityLag)]; } }

    public DevBlock? ByNumber(ulong number) { lock (_lock) return number < (ulong)_blocks.Count ? _blocks[(int)number] : null; }
    public DevBlock? ByHash(string hashHex) { lock (_lock) return _byHash.GetValueOrDefault(hashHex); }

    /// <summary>The value at <paramref name="keyHex"/> in <paramref name="at"/> (the head when null); null when absent.</summary>
    public byte[]? Read(string keyHex, DevBlock? at = null) => (at ?? Head).State.GetValueOrDefault(keyHex.ToLowerInvariant());

    /// <summary>Changes the head block's storage at once (chopsticks' dev_setStorage does the same); the next block inherits it.</summary>
    public void Mutate(Func<ImmutableSortedDictionary<string, byte[]>, ImmutableSortedDictionary<string, byte[]>> change)
    {
        lock (_lock)
        {
            var head = _blocks[^1];
            head.State = change(head.State);
        }
    }

    /// <summary>
    /// Checks a transaction as for the next block and pools it (status "ready", or "future" for a later nonce).
    /// Throws <see cref="Execution.TransactionRejected"/> for what a node refuses.
    /// </summary>
    public PoolEntry Submit(byte[] extrinsic)
    {
        lock (_lock)
        {
            // Under the chain lock, so that no block lands between the check and the ready/future decision.
            var head = _blocks[^1];
            var entry = _executor.Check(extrinsic, head.State, head.Number + 1, HashOf);
            Pool.Add(entry, _executor.AccountNonce(head.State, entry.Signer));
            return entry;
        }
    }

    /// <summary>
    /// A runtime upgrade: blocks from the next one on execute with <paramref name="executor"/>. Taken under the chain
    /// lock, so no block or pool check runs half with the old runtime and half with the new.
    /// </summary>
    public void UseExecutor(IBlockExecutor executor)
    {
        lock (_lock) _executor = executor;
    }

    /// <summary>system_accountNextIndex: the account's nonce at the head, past its ready pool transactions.</summary>
    public ulong NextIndex(byte[] account) => Pool.NextIndex(account, _executor.AccountNonce(Head.State, account));

    public DevBlock ProduceBlock()
    {
        DevBlock block;
        DevBlock? finalized = null;
        var included = new List<PoolEntry>();
        var invalid = new List<PoolEntry>();
        lock (_lock)
        {
            var parent = _blocks[^1];
            ulong number = parent.Number + 1;
            var state = _executor.BeginBlock(parent.State, number);
            // Nonce order, so that a signer's consecutive transactions all fit in one block.
            foreach (var entry in Pool.Pending.OrderBy(e => e.Nonce))
            {
                switch (_executor.Apply(ref state, entry, number, (uint)included.Count, HashOf))
                {
                    case ApplyOutcome.Applied: included.Add(entry); break;
                    case ApplyOutcome.Invalid: invalid.Add(entry); break;
                }
            }
            block = Build(parent.Hash, number, included.Select(e => e.Bytes).ToList(), state);
            Append(block);
            if (_blocks.Count - 1 - FinalityLag >= 0) finalized = _blocks[_blocks.Count - 1 - FinalityLag];
        }
        Pool.AfterBlock(block, included, invalid, account => _executor.AccountNonce(block.State, account));
        BlockProduced?.Invoke(block);
        if (finalized is not null)
        {
            Pool.Finalized(finalized);
            BlockFinalized?.Invoke(finalized);
        }
        return block;
    }

    /// <summary>System.BlockHash as the runtime sees it: the hashes of blocks that exist (callers hold the lock or need none).</summary>
    private byte[]? HashOf(ulong number) { lock (_lock) return number < (ulong)_blocks.Count ? _blocks[(int)number].Hash : null; }

    private DevBlock Build(byte[] parentHash, ulong number, IReadOnlyList<byte[]> extrinsics, ImmutableSortedDictionary<string, byte[]> state)
        // Genesis carries no digest (as on a real chain), so its hash depends only on the genesis state.
        => new(parentHash, number, StateRoot(state), ExtrinsicsRoot(extrinsics),
            number == 0 ? [] : [AuraDigest.PreRuntime(_firstSlot + number)], extrinsics, state);

    private void Append(DevBlock block)
    {
        _blocks.Add(block);
        _byHash[block.HashHex] = block;
    }

    /// <summary>
    /// Not a Merkle-Patricia root: a blake2-256 over the sorted pairs. It changes exactly when the state changes,
    /// which is all a client can observe; nothing here serves storage proofs.
    /// </summary>
    private static byte[] StateRoot(ImmutableSortedDictionary<string, byte[]> state)
    {
        var w = new ScaleWriter();
        foreach (var (key, value) in state) w.Str(key).Bytes(value);
        return SubstrateHash.Blake2b256(w.WrittenSpan);
    }

    /// <summary>Also not a trie root beyond the empty case; a hash over the extrinsics is enough to tell blocks apart.</summary>
    private static byte[] ExtrinsicsRoot(IReadOnlyList<byte[]> extrinsics)
    {
        if (extrinsics.Count == 0) return EmptyTrieRoot;
        var w = new ScaleWriter();
        foreach (var e in extrinsics) w.Bytes(e);
        return SubstrateHash.Blake2b256(w.WrittenSpan);
    }
}

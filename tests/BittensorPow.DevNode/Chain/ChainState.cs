using System.Collections.Concurrent;
using System.Collections.Immutable;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// The in-memory chain: blocks in order, each with its storage snapshot, plus a pool of submitted extrinsics.
/// Thread-safe; events are raised outside the lock.
/// <para>
/// Seam for submitting: <see cref="Submit"/> queues an extrinsic, <see cref="ProduceBlock"/> drains the pool through
/// <see cref="IExtrinsicExecutor"/> into the next block. Decoding, dispatch and System.Events belong in an executor.
/// </para>
/// </summary>
public sealed class ChainState
{
    /// <summary>Root of an empty trie (blake2-256 of 0x00): what a real node puts in extrinsicsRoot for a block without extrinsics.</summary>
    private static readonly byte[] EmptyTrieRoot = Convert.FromHexString("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");

    private readonly object _lock = new();
    private readonly List<DevBlock> _blocks = [];
    private readonly Dictionary<string, DevBlock> _byHash = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<byte[]> _pool = new();
    private readonly IExtrinsicExecutor _executor;
    private readonly ulong _firstSlot;

    public ChainState(ImmutableSortedDictionary<string, byte[]> genesisState, int finalityLag = 2, IExtrinsicExecutor? executor = null, ulong firstSlot = 0)
    {
        FinalityLag = Math.Max(0, finalityLag);
        _executor = executor ?? IExtrinsicExecutor.None;
        _firstSlot = firstSlot;
        Append(Build(new byte[32], 0, [], genesisState));
    }

    public int FinalityLag { get; }

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

    public void Submit(byte[] extrinsic) => _pool.Enqueue(extrinsic);

    public DevBlock ProduceBlock()
    {
        DevBlock block;
        DevBlock? finalized = null;
        lock (_lock)
        {
            var parent = _blocks[^1];
            var included = new List<byte[]>();
            var state = parent.State;
            while (_pool.TryDequeue(out var extrinsic))
            {
                state = _executor.Apply(state, extrinsic, parent.Number + 1);
                included.Add(extrinsic);
            }
            block = Build(parent.Hash, parent.Number + 1, included, state);
            Append(block);
            if (_blocks.Count - 1 - FinalityLag >= 0) finalized = _blocks[_blocks.Count - 1 - FinalityLag];
        }
        BlockProduced?.Invoke(block);
        if (finalized is not null) BlockFinalized?.Invoke(finalized);
        return block;
    }

    private DevBlock Build(byte[] parentHash, ulong number, IReadOnlyList<byte[]> extrinsics, ImmutableSortedDictionary<string, byte[]> state)
        // Genesis carries no digest (as on a real chain), so its hash depends only on the genesis state.
        => new(parentHash, number, StateRoot(state), ExtrinsicsRoot(extrinsics), number == 0 ? [] : [AuraDigest.PreRuntime(_firstSlot + number)], extrinsics, state);

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

/// <summary>Applies one extrinsic to the state while a block is built. The default includes extrinsics without effect.</summary>
public interface IExtrinsicExecutor
{
    ImmutableSortedDictionary<string, byte[]> Apply(ImmutableSortedDictionary<string, byte[]> state, byte[] extrinsic, ulong blockNumber);

    public static IExtrinsicExecutor None { get; } = new NoEffect();

    private sealed class NoEffect : IExtrinsicExecutor
    {
        public ImmutableSortedDictionary<string, byte[]> Apply(ImmutableSortedDictionary<string, byte[]> state, byte[] extrinsic, ulong blockNumber) => state;
    }
}

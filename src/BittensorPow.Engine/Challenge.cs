namespace BittensorPow.Engine;

/// <summary>
/// What a seal binds and which rule the chain applies to it: one value per block (and hotkey, coldkey, subnet where the
/// scheme binds them). Templates, solutions and checks carry it whole; back ends prepare their per-challenge state from
/// the concrete kind (<see cref="LegacyChallenge"/>, <see cref="PowRegisterChallenge"/>).
/// </summary>
public abstract class Challenge : IEquatable<Challenge>
{
    private readonly byte[] _blockHash;
    private readonly byte[] _hotkey;

    private protected Challenge(ulong blockNumber, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey)
    {
        if (blockHash.Length != 32) throw new ArgumentException($"A block hash is 32 bytes, not {blockHash.Length}.", nameof(blockHash));
        if (hotkey.Length != 32) throw new ArgumentException($"A hotkey public key is 32 bytes, not {hotkey.Length}.", nameof(hotkey));
        BlockNumber = blockNumber;
        _blockHash = blockHash.ToArray();
        _hotkey = hotkey.ToArray();
    }

    public abstract SealScheme Scheme { get; }

    /// <summary>How the chain reads the 32-byte seal as a U256 for this challenge.</summary>
    public abstract SealByteOrder ByteOrder { get; }

    /// <summary>The block whose hash the seal binds (the chain's <c>block_number</c> / <c>work_block</c>).</summary>
    public ulong BlockNumber { get; }

    public ReadOnlySpan<byte> BlockHash => _blockHash;

    public ReadOnlySpan<byte> Hotkey => _hotkey;

    /// <summary>The same binding (scheme, keys, subnet, rule) on another block: the work of a new head.</summary>
    public abstract Challenge ForBlock(ulong blockNumber, ReadOnlySpan<byte> blockHash);

    /// <summary>The reference seal of <paramref name="nonce"/> (BCL SHA-256 and our Keccak-256), every back end's yardstick.</summary>
    public abstract void ComputeSeal(ulong nonce, Span<byte> seal);

    public byte[] ComputeSeal(ulong nonce)
    {
        var seal = new byte[Seal.Length];
        ComputeSeal(nonce, seal);
        return seal;
    }

    /// <summary>The chain's rule: the seal read in this challenge's byte order meets <paramref name="difficulty"/>.</summary>
    public bool Accepts(ReadOnlySpan<byte> seal, Difficulty difficulty) => difficulty.IsMetBy(seal, ByteOrder);

    /// <summary>
    /// The search order: the nonce at <paramref name="position"/>. Solvers hand out, partition and report positions, so a
    /// range stays cheap for the seal's fast path and ranges stay disjoint; the chain accepts any nonce.
    /// </summary>
    public virtual ulong NonceAt(ulong position) => position;

    /// <summary>The inverse of <see cref="NonceAt"/>.</summary>
    public virtual ulong PositionOf(ulong nonce) => nonce;

    /// <summary>Same scheme and same bound values: a seal of one is a seal of the other.</summary>
    public virtual bool Equals(Challenge? other) =>
        other is not null && other.GetType() == GetType() && other.BlockNumber == BlockNumber && other.ByteOrder == ByteOrder
        && other.BlockHash.SequenceEqual(BlockHash) && other.Hotkey.SequenceEqual(Hotkey);

    public override bool Equals(object? obj) => Equals(obj as Challenge);

    public override int GetHashCode() => HashCode.Combine(Scheme, BlockNumber, BitConverter.ToInt64(_blockHash), BitConverter.ToInt64(_hotkey));

    public override string ToString() => $"block {BlockNumber} 0x{Convert.ToHexStringLower(_blockHash)[..12]}… ({Scheme}, {ByteOrder})";
}

namespace BittensorPow.Engine;

/// <summary>
/// Everything a search needs that does not change per nonce: the block, the hotkey, bah and the
/// difficulty threshold. Built once per block (and per difficulty change).
/// </summary>
public sealed class BlockTemplate
{
    private readonly byte[] _blockHash;
    private readonly byte[] _hotkey;
    private readonly byte[] _blockAndHotkeyHash;

    public BlockTemplate(ulong blockNumber, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ulong difficulty, SealByteOrder byteOrder)
    {
        if (blockHash.Length != 32) throw new ArgumentException($"A block hash is 32 bytes, not {blockHash.Length}.", nameof(blockHash));
        if (hotkey.Length != 32) throw new ArgumentException($"A hotkey public key is 32 bytes, not {hotkey.Length}.", nameof(hotkey));
        BlockNumber = blockNumber;
        _blockHash = blockHash.ToArray();
        _hotkey = hotkey.ToArray();
        Difficulty = new Difficulty(difficulty, byteOrder);
        _blockAndHotkeyHash = Seal.BlockAndHotkeyHash(blockHash, hotkey);
    }

    public ulong BlockNumber { get; }

    /// <summary>
    /// Stopwatch timestamp of when the work became known (a new head arrived); the solver measures how long its
    /// workers take to move onto it from here. Defaults to the moment the template was built.
    /// </summary>
    public long AnnouncedTimestamp { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();
    public ReadOnlySpan<byte> BlockHash => _blockHash;
    public ReadOnlySpan<byte> Hotkey => _hotkey;
    public Difficulty Difficulty { get; }
    public SealByteOrder ByteOrder => Difficulty.ByteOrder;

    /// <summary>bah = Keccak256(blockHash ‖ hotkey).</summary>
    public ReadOnlySpan<byte> BlockAndHotkeyHash => _blockAndHotkeyHash;

    public byte[] ComputeSeal(ulong nonce) => Seal.Compute(_blockAndHotkeyHash, nonce);

    /// <summary>The scalar reference check: recompute the seal and apply the chain rule.</summary>
    public bool Verify(ulong nonce, out byte[] seal)
    {
        seal = ComputeSeal(nonce);
        return Difficulty.IsMetBy(seal);
    }

    public override string ToString() => $"block {BlockNumber} 0x{Convert.ToHexStringLower(_blockHash)[..12]}… difficulty {Difficulty}";
}

namespace BittensorPow.Engine;

/// <summary>
/// The seal of <c>register</c> (runtimes up to spec 396) and of the faucet (SPEC §1, §9): Keccak256(SHA-256(u64_le(nonce) ‖
/// bah)) with bah = Keccak256(blockHash ‖ hotkey), read big-endian up to spec 271 and little-endian after. The faucet
/// binds the signing coldkey in the hotkey's place. Nonces are searched in their natural order.
/// </summary>
public sealed class LegacyChallenge : Challenge
{
    private readonly byte[] _blockAndHotkeyHash;

    public LegacyChallenge(ulong blockNumber, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, SealByteOrder byteOrder)
        : base(blockNumber, blockHash, hotkey)
    {
        if (!Enum.IsDefined(byteOrder)) throw new ArgumentOutOfRangeException(nameof(byteOrder), byteOrder, "Not a seal byte order.");
        ByteOrder = byteOrder;
        _blockAndHotkeyHash = Seal.BlockAndHotkeyHash(blockHash, hotkey);
    }

    public override SealScheme Scheme => SealScheme.Legacy;

    public override SealByteOrder ByteOrder { get; }

    /// <summary>bah = Keccak256(blockHash ‖ hotkey), computed once per block.</summary>
    public ReadOnlySpan<byte> BlockAndHotkeyHash => _blockAndHotkeyHash;

    public override void ComputeSeal(ulong nonce, Span<byte> seal) => Seal.Compute(_blockAndHotkeyHash, nonce, seal);

    public override Challenge ForBlock(ulong blockNumber, ReadOnlySpan<byte> blockHash) =>
        new LegacyChallenge(blockNumber, blockHash, Hotkey, ByteOrder);

    /// <summary>The same work judged by another rule (a runtime upgrade across spec 271/272).</summary>
    public LegacyChallenge WithByteOrder(SealByteOrder byteOrder) =>
        byteOrder == ByteOrder ? this : new LegacyChallenge(BlockNumber, BlockHash, Hotkey, byteOrder);
}

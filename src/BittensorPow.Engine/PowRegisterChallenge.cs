namespace BittensorPow.Engine;

/// <summary>
/// The seal of <c>pow_register</c> (SPEC §10, spec 475 on): Keccak256(SHA-256(payload)) over the 131-byte payload
/// <c>subtensor-pow-register-v1 ‖ netuid ‖ block hash ‖ hotkey ‖ coldkey ‖ u64_le(nonce)</c>, read little-endian.
/// <para>
/// Search order: position i is nonce rotr(i, 24). SHA-256 reads nonce bytes 0..4 in the second block and bytes 5..7 in
/// the third, so the 2^24 consecutive positions that share i's top 40 bits share one second-block state, and each of them
/// costs one compression and one Keccak-f, as the legacy seal does. Ranges of positions are disjoint exactly when the
/// nonces are.
/// </para>
/// </summary>
public sealed class PowRegisterChallenge : Challenge
{
    /// <summary>Positions that share one second-block state: the nonce's top 24 bits.</summary>
    public const int SpanBits = 24;

    private readonly byte[] _coldkey;
    private readonly byte[] _prefix;

    public PowRegisterChallenge(ushort netUid, ulong blockNumber, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey)
        : base(blockNumber, blockHash, hotkey)
    {
        if (coldkey.Length != 32) throw new ArgumentException($"A coldkey public key is 32 bytes, not {coldkey.Length}.", nameof(coldkey));
        NetUid = netUid;
        _coldkey = coldkey.ToArray();
        _prefix = PowRegisterSeal.Prefix(netUid, blockHash, hotkey, coldkey);
    }

    public override SealScheme Scheme => SealScheme.PowRegisterV1;

    /// <summary>The pallet reads this seal little-endian (<c>U256::from_little_endian</c>).</summary>
    public override SealByteOrder ByteOrder => SealByteOrder.LittleEndian;

    public ushort NetUid { get; }

    /// <summary>The signer of <c>pow_register</c>, bound into the seal.</summary>
    public ReadOnlySpan<byte> Coldkey => _coldkey;

    /// <summary>Payload bytes 0..122: everything but the nonce.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix;

    public override void ComputeSeal(ulong nonce, Span<byte> seal) => PowRegisterSeal.Compute(_prefix, nonce, seal);

    public override Challenge ForBlock(ulong blockNumber, ReadOnlySpan<byte> blockHash) =>
        new PowRegisterChallenge(NetUid, blockNumber, blockHash, Hotkey, Coldkey);

    public override ulong NonceAt(ulong position) => BitOperations.RotateRight(position, SpanBits);

    public override ulong PositionOf(ulong nonce) => BitOperations.RotateLeft(nonce, SpanBits);

    public override bool Equals(Challenge? other) =>
        base.Equals(other) && other is PowRegisterChallenge p && p.NetUid == NetUid && p.Coldkey.SequenceEqual(Coldkey);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), NetUid, BitConverter.ToInt64(_coldkey));

    public override string ToString() => $"subnet {NetUid} {base.ToString()}";
}

using System.Buffers.Binary;
using System.Numerics;

namespace BittensorPow.Engine;

/// <summary>
/// The chain's difficulty rule: a seal passes when U256(seal) · D ≤ 2^256 − 1, which is exactly
/// U256(seal) ≤ T with T = ⌊(2^256 − 1) / D⌋ (SPEC §2). T is computed once per difficulty.
/// </summary>
public sealed class Difficulty
{
    /// <summary>2^256 − 1: a seal passes when U256(seal) · D does not exceed it.</summary>
    internal static readonly BigInteger Limit = (BigInteger.One << 256) - 1;

    /// <exception cref="ArgumentOutOfRangeException">0: the chain would accept any seal, so there is nothing to solve.</exception>
    public Difficulty(ulong value)
    {
        if (value == 0) throw new ArgumentOutOfRangeException(nameof(value), "Difficulty 0 is not a real difficulty: the chain would accept any seal.");
        Value = value;
        var t = Limit / value;
        Threshold = new SealThreshold(
            (ulong)((t >> 192) & ulong.MaxValue), (ulong)((t >> 128) & ulong.MaxValue),
            (ulong)((t >> 64) & ulong.MaxValue), (ulong)(t & ulong.MaxValue));
    }

    public ulong Value { get; }
    public SealThreshold Threshold { get; }

    /// <summary>The seal, read as a U256 in <paramref name="byteOrder"/>, meets this difficulty.</summary>
    public bool IsMetBy(ReadOnlySpan<byte> seal, SealByteOrder byteOrder) => Threshold.Accepts(SealValue.FromSeal(seal, byteOrder));

    /// <summary>The exact chain rule with 512-bit arithmetic, independent of the threshold (used to cross-check).</summary>
    public static bool ChainRule(ReadOnlySpan<byte> seal, ulong difficulty, SealByteOrder byteOrder)
    {
        var value = new BigInteger(seal, isUnsigned: true, isBigEndian: byteOrder == SealByteOrder.BigEndian);
        return value * difficulty <= Limit;
    }

    /// <summary>The same difficulty times <paramref name="factor"/>, rounded up and capped at 2^64 − 1 (a margin over D).</summary>
    public Difficulty Times(double factor)
    {
        if (!(factor >= 1) || double.IsInfinity(factor)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "A margin is at least 1.");
        // decimal keeps all 64 bits of the value and the factor as typed (1.26 is 1.26, not its binary neighbour).
        decimal scaled;
        try { scaled = Math.Ceiling(Value * (decimal)factor); }
        catch (OverflowException) { return new Difficulty(ulong.MaxValue); }
        return scaled >= ulong.MaxValue ? new Difficulty(ulong.MaxValue) : new Difficulty((ulong)scaled);
    }

    public override string ToString() => $"{Value:N0}";
}

/// <summary>A 256-bit seal value as four 64-bit words, most significant first.</summary>
public readonly record struct SealValue(ulong W3, ulong W2, ulong W1, ulong W0)
{
    public static SealValue FromSeal(ReadOnlySpan<byte> seal, SealByteOrder order) => order == SealByteOrder.BigEndian
        ? new(BinaryPrimitives.ReadUInt64BigEndian(seal), BinaryPrimitives.ReadUInt64BigEndian(seal[8..]),
              BinaryPrimitives.ReadUInt64BigEndian(seal[16..]), BinaryPrimitives.ReadUInt64BigEndian(seal[24..]))
        : new(BinaryPrimitives.ReadUInt64LittleEndian(seal[24..]), BinaryPrimitives.ReadUInt64LittleEndian(seal[16..]),
              BinaryPrimitives.ReadUInt64LittleEndian(seal[8..]), BinaryPrimitives.ReadUInt64LittleEndian(seal));

    /// <summary>
    /// From the four Keccak output lanes (each the little-endian read of 8 seal bytes): big-endian reads
    /// byte-swap lanes 0..3, little-endian takes lanes 3..0 as they are.
    /// </summary>
    public static SealValue FromLanes(ulong lane0, ulong lane1, ulong lane2, ulong lane3, SealByteOrder order) => order == SealByteOrder.BigEndian
        ? new(BinaryPrimitives.ReverseEndianness(lane0), BinaryPrimitives.ReverseEndianness(lane1),
              BinaryPrimitives.ReverseEndianness(lane2), BinaryPrimitives.ReverseEndianness(lane3))
        : new(lane3, lane2, lane1, lane0);
}

/// <summary>T = ⌊(2^256 − 1) / D⌋ as four words, most significant first.</summary>
public readonly record struct SealThreshold(ulong T3, ulong T2, ulong T1, ulong T0)
{
    public bool Accepts(in SealValue v)
    {
        if (v.W3 != T3) return v.W3 < T3;
        if (v.W2 != T2) return v.W2 < T2;
        if (v.W1 != T1) return v.W1 < T1;
        return v.W0 <= T0;
    }
}

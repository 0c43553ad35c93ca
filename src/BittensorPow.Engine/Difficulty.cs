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
        if (value == 0)
            throw new ArgumentOutOfRangeException(nameof(value),
                "Difficulty 0 is not a real difficulty: the chain would accept any seal.");
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

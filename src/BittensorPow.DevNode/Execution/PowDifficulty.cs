using System.Numerics;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The arithmetic of pow_register's difficulty (SPEC §10): the clamp every read applies, the per-block decay by the
/// burn half-life and the ×BurnIncreaseMult after a registration. The decay uses the pallet's Q32 fixed point as its
/// burn price does (subnets/registration.rs: <c>decay_factor_q32</c> by bisection, <c>mul_by_q32</c> saturating);
/// the multiplier is substrate_fixed's U64F64 (<c>BurnIncreaseMult</c>, 1.26 by default), floored to u64.
/// </summary>
public static class PowDifficulty
{
    private const ulong OneQ32 = 1UL << 32;
    private const ulong HalfQ32 = 1UL << 31;
    private static readonly BigInteger OneU64F64 = BigInteger.One << 64;

    /// <summary>The difficulty a seal must meet: D clamped to [max(MinDifficulty, 1), max(MaxDifficulty, that)].</summary>
    public static ulong Effective(ulong difficulty, ulong minDifficulty, ulong maxDifficulty)
    {
        ulong low = Math.Max(minDifficulty, 1);
        ulong high = Math.Max(maxDifficulty, low);
        return Math.Clamp(difficulty, low, high);
    }

    /// <summary>mul_by_q32: value · factor / 2^32, saturating into u64.</summary>
    public static ulong MulByQ32(ulong value, ulong factorQ32)
    {
        UInt128 shifted = (UInt128)value * factorQ32 >> 32;
        return shifted > ulong.MaxValue ? ulong.MaxValue : (ulong)shifted;
    }

    /// <summary>pow_q32: base^exp in Q32 by squaring, every product through <see cref="MulByQ32"/>.</summary>
    public static ulong PowQ32(ulong baseQ32, uint exp)
    {
        ulong result = OneQ32, factor = baseQ32;
        while (exp > 0)
        {
            if ((exp & 1) == 1) result = MulByQ32(result, factor);
            exp >>= 1;
            if (exp > 0) factor = MulByQ32(factor, factor);
        }
        return result;
    }

    /// <summary>decay_factor_q32: the largest f (Q32) with f^halfLife ≤ 1/2, found by bisection; 1.0 for a zero half-life.</summary>
    public static ulong DecayFactorQ32(ushort halfLife)
    {
        if (halfLife == 0) return OneQ32;
        ulong lo = 0, hi = OneQ32;
        while (lo + 1 < hi)
        {
            ulong mid = lo + ((hi - lo) >> 1);
            if (PowQ32(mid, halfLife) > HalfQ32) hi = mid;
            else lo = mid;
        }
        return lo;
    }

    /// <summary>One block's decay, then the clamp. Block 1 and a zero half-life leave D as it is (before the clamp).</summary>
    public static ulong Decay(ulong difficulty, ushort halfLife, ulong blockNumber, ulong minDifficulty, ulong maxDifficulty)
    {
        ulong decayed = halfLife > 0 && blockNumber > 1 ? MulByQ32(difficulty, DecayFactorQ32(halfLife)) : difficulty;
        return Effective(decayed, minDifficulty, maxDifficulty);
    }

    /// <summary>After a PoW registration: D · max(BurnIncreaseMult, 1) (U64F64 bits, floored), then the clamp.</summary>
    public static ulong Bump(ulong difficulty, BigInteger multiplierBits, ulong minDifficulty, ulong maxDifficulty)
    {
        var product = (BigInteger)difficulty * BigInteger.Max(multiplierBits, OneU64F64) >> 64;
        ulong raised = product > ulong.MaxValue ? ulong.MaxValue : (ulong)product;
        return Effective(raised, minDifficulty, maxDifficulty);
    }
}

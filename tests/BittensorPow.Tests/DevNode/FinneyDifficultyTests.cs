using System.Numerics;
using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Crypto;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// pow_register's difficulty under `--profile finney` (SPEC §10): every block D decays by 2^(−1/BurnHalfLife) in the
/// pallet's Q32 arithmetic, also while PoW is off; a registration multiplies it by BurnIncreaseMult (1.26); every
/// value is clamped to [max(MinDifficulty, 1), max(MaxDifficulty, that)].
/// </summary>
public class FinneyDifficultyTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly byte[] Hot = Sr25519KeyPair.FromUri("//Finney//hot").PublicKey;

    [Fact]
    public void TheDecayFactorIsTheQ32BisectionOfTwoToTheMinusOneOver360()
    {
        ulong f = PowDifficulty.DecayFactorQ32(360);
        Assert.InRange(f / 4294967296.0, Math.Pow(2, -1.0 / 360) - 1e-9, Math.Pow(2, -1.0 / 360) + 1e-9);
        // Bisection's answer: the largest factor whose 360th power (multiplied out in Q32, floored) is at most 1/2.
        Assert.True(Q32Power(f, 360) <= BigInteger.One << 31);
        Assert.True(Q32Power(f + 1, 360) > BigInteger.One << 31);
        Assert.Equal(1UL << 32, PowDifficulty.DecayFactorQ32(0));
    }

    /// <summary>base^exp by squaring in Q32, each product floored (written here, not taken from the DevNode).</summary>
    private static BigInteger Q32Power(BigInteger q, int exp)
    {
        BigInteger result = BigInteger.One << 32;
        for (; exp > 0; exp >>= 1)
        {
            if ((exp & 1) == 1) result = result * q >> 32;
            if (exp > 1) q = q * q >> 32;
        }
        return result;
    }

    [Fact]
    public async Task EveryBlockFromTheSecondDecaysDifficultyEvenWithPowOff()
    {
        await using var f = await StartAsync("1:1000000:pow=off:min=1");
        ulong factor = PowDifficulty.DecayFactorQ32(360);
        f.Node.Chain.ProduceBlock();
        Assert.Equal(1_000_000ul, f.Difficulty(1));   // block 1 leaves it, as the burn's decay does

        ulong expected = 1_000_000;
        for (int i = 0; i < 360; i++)
        {
            f.Node.Chain.ProduceBlock();
            expected = (ulong)((BigInteger)expected * factor >> 32);
            Assert.Equal(expected, f.Difficulty(1));
        }
        // A half-life later: half, less the floors along the way.
        Assert.InRange(f.Difficulty(1), 499_000ul, 500_000ul);
    }

    [Fact]
    public async Task DecayStopsAtMinDifficultyAndATestDifficultyBelowTenMillionIsItsOwnFloor()
    {
        await using var f = await StartAsync("1:1000000:pow=off:min=999000", "2:1000:pow=on");
        Assert.Equal(1000ul, f.Head.GetNumber(Pallet, "MinDifficulty", U16(2)));
        Assert.Equal(10_000_000ul, f.Head.GetNumber(Pallet, "MinDifficulty", U16(3)));   // the metadata default elsewhere
        for (int i = 0; i < 20; i++) f.Node.Chain.ProduceBlock();
        Assert.Equal(999_000ul, f.Difficulty(1));
        Assert.Equal(1000ul, f.Difficulty(2));
    }

    [Fact]
    public async Task MaxDifficultyCapsTheStoredValueTheSealsAndTheBumpButNotTheFloor()
    {
        await using var f = await StartAsync("1:5000:pow=on:max=3000", "2:5000:pow=on:min=4000:max=3000");
        Assert.Equal(3000ul, f.Head.GetNumber(Pallet, "MinDifficulty", U16(1)));   // the finney floor stays under max=
        Assert.Equal(3000ul, f.EffectiveDifficulty(1));   // the check clamps before any block does
        Assert.Equal(4000ul, f.EffectiveDifficulty(2));   // an owner's ceiling below the floor: the floor wins
        f.Node.Chain.ProduceBlock();
        Assert.Equal(3000ul, f.Difficulty(1));
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, Hot))));
        Assert.Equal(3000ul, f.Difficulty(1));   // 3000 · 1.26, clamped
    }

    [Fact]
    public async Task ARegistrationMultipliesDifficultyBy126WithinTheBounds()
    {
        await using var f = await StartAsync("1:1000:pow=on", "2:1000:pow=on:max=1100");
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, Hot, netuid: 1))));
        Assert.Equal(1260ul, f.Difficulty(1));
        f.Node.Chain.ProduceBlock();
        var other = Sr25519KeyPair.FromUri("//Finney//other").PublicKey;
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, other, netuid: 2))));
        Assert.Equal(1100ul, f.Difficulty(2));
        // The next block decays the bumped value again (towards, and not below, the floor of 1000).
        ulong bumped = f.Difficulty(1);
        f.Node.Chain.ProduceBlock();
        Assert.Equal((ulong)((BigInteger)bumped * PowDifficulty.DecayFactorQ32(360) >> 32), f.Difficulty(1));
    }

    [Fact]
    public void TheBumpIsTheU64F64ProductFlooredAndNeverBelowOne()
    {
        // BurnIncreaseMult's default (475's, as the patch declares it): U64F64 bits 0x1_428f5c28f5c29000 (1.26).
        BigInteger mult126 = (BigInteger.One << 64) + BigInteger.Parse("0428f5c28f5c29000", System.Globalization.NumberStyles.HexNumber);
        Assert.Equal(1260ul, PowDifficulty.Bump(1000, mult126, 1, ulong.MaxValue));
        Assert.Equal(12_600_000ul, PowDifficulty.Bump(10_000_000, mult126, 1, ulong.MaxValue));
        Assert.Equal(1000ul, PowDifficulty.Bump(1000, BigInteger.One << 63, 1, ulong.MaxValue));   // a multiplier below 1 counts as 1
        Assert.Equal(ulong.MaxValue, PowDifficulty.Bump(ulong.MaxValue, mult126, 1, ulong.MaxValue));   // saturates
    }
}

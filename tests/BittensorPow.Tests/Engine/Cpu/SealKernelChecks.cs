using System.Buffers.Binary;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Cpu;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine.Cpu;

/// <summary>
/// The checks every CPU width must pass, against <see cref="Seal.Compute(ReadOnlySpan{byte}, ulong, Span{byte})"/>
/// and the reference <see cref="ReferenceSealSearcher"/>. Each width's test class runs them for its kernel.
/// </summary>
internal static class SealKernelChecks
{
    // Group starts that put every lane on an interesting nonce: 0, a group crossing 2^32, one ending at 2^64 − 1,
    // one wrapping past 2^64 − 1 to 0, and the vectors' own start nonces.
    private static IEnumerable<ulong> GroupStarts(int width)
    {
        yield return 0;
        yield return (1UL << 32) - (ulong)(width / 2) - 1;
        yield return ulong.MaxValue - (ulong)width + 1;
        yield return ulong.MaxValue - (ulong)(width / 2);
        yield return ulong.MaxValue;
        foreach (var s in PowVectors.GetProperty("solves").EnumerateArray())
            yield return ulong.Parse(s.GetProperty("startNonce").GetString()!);
    }

    public static BlockTemplate Template(int solveIndex, ulong difficulty, SealByteOrder order)
    {
        var s = PowVectors.GetProperty("solves")[solveIndex];
        return new BlockTemplate(new LegacyChallenge(1, Hex(s.GetProperty("blockHashHex").GetString()!),
            Hex(s.GetProperty("hotkeyPublicKeyHex").GetString()!), order), new Difficulty(difficulty));
    }

    private static ulong TopWord(byte[] seal, SealByteOrder order) => SealValue.FromSeal(seal, order).W3;

    /// <summary>With D = 1 every lane is a candidate, so every lane's four output lanes are compared.</summary>
    public static void Every_lane_matches_the_reference<TKernel>(SealByteOrder order) where TKernel : struct, ISealKernel
    {
        var template = Template(0, 1, order);
        var midstate = new SealMidstate((LegacyChallenge)template.Challenge, template.Difficulty);
        int width = TKernel.Width;
        var lanes = new ulong[4 * width];
        ulong all = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        foreach (ulong first in GroupStarts(width))
        {
            Array.Clear(lanes);
            Assert.Equal(all, TKernel.Candidates(midstate, first, lanes));
            for (int i = 0; i < width; i++)
            {
                ulong nonce = unchecked(first + (ulong)i);
                var seal = Seal.Compute(((LegacyChallenge)template.Challenge).BlockAndHotkeyHash, nonce);
                for (int j = 0; j < 4; j++)
                    Assert.True(BinaryPrimitives.ReadUInt64LittleEndian(seal.AsSpan(8 * j)) == lanes[j * width + i],
                        $"{TKernel.Name}: nonce {nonce} (lane {i} of group {first}), output lane {j}");
            }
        }
    }

    /// <summary>The early-reject mask is exactly "top 64 bits ≤ top 64 bits of the threshold", lane by lane.</summary>
    public static void Early_reject_matches_the_top_word<TKernel>(SealByteOrder order) where TKernel : struct, ISealKernel
    {
        var template = Template(1, 3, order);
        var midstate = new SealMidstate((LegacyChallenge)template.Challenge, template.Difficulty);
        int width = TKernel.Width;
        var lanes = new ulong[4 * width];
        int candidates = 0;
        foreach (ulong first in GroupStarts(width).Concat(Enumerable.Range(0, 40).Select(g => 1_000_000UL + (ulong)(g * width))))
        {
            ulong mask = TKernel.Candidates(midstate, first, lanes);
            for (int i = 0; i < width; i++)
            {
                var seal = Seal.Compute(((LegacyChallenge)template.Challenge).BlockAndHotkeyHash, unchecked(first + (ulong)i));
                bool expected = TopWord(seal, order) <= template.Difficulty.Threshold.T3;
                Assert.True(expected == ((mask >> i & 1) == 1), $"{TKernel.Name}: nonce {unchecked(first + (ulong)i)} lane {i}");
                if (expected) candidates++;
            }
        }
        Assert.InRange(candidates, 1, int.MaxValue); // D = 3 leaves about a third: both outcomes were exercised
    }

    /// <summary>
    /// An isolated hit h (no other hit in the Width nonces before it) found from start h − p for every lane position p;
    /// a range that stops one short of h must not report it.
    /// </summary>
    public static void Hit_is_found_at_every_lane_position<TKernel>(SealByteOrder order) where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        var template = Template(0, 64, order);
        ulong hit = IsolatedHit(template, 5_000_000, width);
        using var searcher = new CpuSealSearcher<TKernel>();
        searcher.Prepare(template);
        for (int p = 0; p < width; p++)
        {
            ulong start = hit - (ulong)p;
            Assert.True(searcher.Search(start, (ulong)(p + 1), CancellationToken.None, out ulong nonce), $"{TKernel.Name}: lane {p}, count {p + 1}");
            Assert.Equal(hit, nonce);
            Assert.True(searcher.Search(start, (ulong)(3 * width), CancellationToken.None, out nonce), $"{TKernel.Name}: lane {p}, long range");
            Assert.Equal(hit, nonce);
            Assert.False(searcher.Search(start, (ulong)p, CancellationToken.None, out _), $"{TKernel.Name}: lane {p}, range ends before the hit");
        }
    }

    /// <summary>Random ranges (some crossing 2^32, some wrapping at 2^64) give the reference searcher's answer.</summary>
    public static void Ranges_give_the_smallest_passing_nonce<TKernel>(SealByteOrder order) where TKernel : struct, ISealKernel
    {
        var random = new Random(20240601);
        var bases = new[] { 0UL, (1UL << 32) - 200, ulong.MaxValue - 150, 77_777_777_777UL };
        foreach (ulong difficulty in new ulong[] { 2, 40, 300 })
        {
            var template = Template(2, difficulty, order);
            using var searcher = new CpuSealSearcher<TKernel>();
            using var reference = new ReferenceSealSearcher();
            searcher.Prepare(template);
            reference.Prepare(template);
            for (int trial = 0; trial < 24; trial++)
            {
                ulong start = unchecked(bases[trial % bases.Length] + (ulong)random.Next(0, 300));
                ulong count = (ulong)random.Next(1, 400);
                bool expected = reference.Search(start, count, CancellationToken.None, out ulong expectedNonce);
                bool found = searcher.Search(start, count, CancellationToken.None, out ulong nonce);
                Assert.True(expected == found, $"{TKernel.Name}: D={difficulty} start={start} count={count}");
                if (expected) Assert.Equal(expectedNonce, nonce);
            }
        }
    }

    private static ulong IsolatedHit(BlockTemplate template, ulong from, int width)
    {
        ulong lastHit = 0;
        bool any = false;
        for (ulong n = from; n < from + 1_000_000; n++)
        {
            if (!template.Verify(n, out _)) continue;
            if (any && n - lastHit > (ulong)width) return n;
            lastHit = n;
            any = true;
        }
        throw new InvalidOperationException("No isolated hit in the scanned range; lower the difficulty.");
    }
}

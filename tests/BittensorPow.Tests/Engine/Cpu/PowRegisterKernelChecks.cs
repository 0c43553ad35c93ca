using System.Buffers.Binary;
using System.Text.Json;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Cpu;
using BittensorPow.Engine.Solving;

namespace BittensorPow.Tests.Engine.Cpu;

/// <summary>
/// The checks every CPU width must pass on the pow_register seal (SPEC §10), against SPEC §10's published vectors, the
/// independent implementation (<see cref="PowRegisterSealTests.Independent"/>: SHA256.HashData + BouncyCastle) and the
/// reference searcher, at the boundaries of the search order (position i is nonce rotr(i, 24)): position 0, the first
/// and last positions of spans of 2^24 (where block 2 changes; spans 1, 2^8, 2^16, 2^24 and 2^32 carry into each nonce
/// byte 0..4), the last span and the wrap from 2^64 − 1 to 0, nonces 2^40 − 1, 2^40 and 2^40 + 1, and groups crossing
/// a span boundary. Each width's test class runs them for its kernel.
/// </summary>
internal static class PowRegisterKernelChecks
{
    private const ulong SpanLength = PowRegisterMidstate.SpanLength;

    /// <summary>First positions of spans, one per nonce byte the span carries into, one arbitrary, and 0 (the wrap).</summary>
    public static readonly ulong[] SpanStarts =
        [SpanLength, SpanLength << 8, SpanLength << 16, SpanLength << 24, SpanLength << 32, 0x5A5A5A5A5AUL * SpanLength, 0];

    /// <summary>Nonces 2^40 − 1, 2^40, 2^40 + 1 (positions 2^64 − 2^24, 1 and 2^24 + 1).</summary>
    private static readonly ulong[] NoncesAround2Pow40 = [(1UL << 40) - 1, 1UL << 40, (1UL << 40) + 1];

    private static JsonElement Vector(int index) => PowRegisterSealTests.Vectors()[index];

    public static PowRegisterChallenge Challenge(int vector) => PowRegisterSealTests.ChallengeOf(Vector(vector));

    public static BlockTemplate Template(int vector, ulong difficulty) => new(Challenge(vector), new Difficulty(difficulty));

    /// <summary>SPEC §10 by the independent implementation: shares no code with the engine's seal paths.</summary>
    public static byte[] IndependentSeal(PowRegisterChallenge c, ulong nonce) => PowRegisterSealTests.Independent.Seal(
        PowRegisterSealTests.Independent.Payload(c.NetUid, c.BlockHash.ToArray(), c.Hotkey.ToArray(), c.Coldkey.ToArray(), nonce));

    // Group starts that put lanes on every boundary: a group starting a span, one ending on a span's last position, one
    // crossing into the next span (only its lanes inside the span are the kernel's to compute), the published vectors'
    // nonces and the nonces around 2^40.
    private static IEnumerable<ulong> GroupStarts(int width, PowRegisterChallenge c)
    {
        foreach (ulong start in SpanStarts)
        {
            yield return start;
            yield return unchecked(start - (ulong)width);
            yield return unchecked(start - (ulong)(width / 2) - 1);
        }
        for (int v = 0; v < PowRegisterSealTests.Vectors().GetArrayLength(); v++)
            yield return c.PositionOf(ulong.Parse(Vector(v).GetProperty("nonce").GetString()!));
        foreach (ulong nonce in NoncesAround2Pow40) yield return c.PositionOf(nonce);
    }

    /// <summary>How many of the group's lanes lie in the span of its first position.</summary>
    public static int LanesInSpan(ulong first, int width) =>
        (int)Math.Min((ulong)width, SpanLength - (first & PowRegisterMidstate.OffsetMask));

    private static ulong LowBits(int n) => n == 64 ? ulong.MaxValue : (1UL << n) - 1;

    /// <summary>The seals the kernel computed for the group at <paramref name="first"/>, one per lane inside the span.</summary>
    public static byte[][] GroupSeals<TKernel>(PowRegisterMidstate m, ulong first, out ulong mask) where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        var lanes = new ulong[4 * width];
        m.EnterSpan(PowRegisterMidstate.SpanOf(first));
        mask = TKernel.Candidates(m, (uint)first & PowRegisterMidstate.OffsetMask, lanes);
        var seals = new byte[LanesInSpan(first, width)][];
        for (int i = 0; i < seals.Length; i++)
        {
            seals[i] = new byte[32];
            for (int j = 0; j < 4; j++) BinaryPrimitives.WriteUInt64LittleEndian(seals[i].AsSpan(8 * j), lanes[j * width + i]);
        }
        return seals;
    }

    public static byte[][] GroupSeals<TKernel>(PowRegisterMidstate m, ulong first) where TKernel : struct, ISealKernel =>
        GroupSeals<TKernel>(m, first, out _);

    /// <summary>SPEC §10's four vectors, each as a group's first lane and as the last lane of a group ending on it.</summary>
    public static void Published_vectors_hold_on_the_fast_path<TKernel>() where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        for (int v = 0; v < PowRegisterSealTests.Vectors().GetArrayLength(); v++)
        {
            var c = Challenge(v);
            var m = new PowRegisterMidstate(c, new Difficulty(1));
            ulong position = c.PositionOf(ulong.Parse(Vector(v).GetProperty("nonce").GetString()!));
            string expected = Vector(v).GetProperty("sealHex").GetString()!;
            Assert.Equal(expected, Convert.ToHexStringLower(GroupSeals<TKernel>(m, position)[0]));
            int back = (int)Math.Min((ulong)width - 1, position & PowRegisterMidstate.OffsetMask);
            Assert.Equal(expected, Convert.ToHexStringLower(GroupSeals<TKernel>(m, position - (ulong)back)[back]));
        }
    }

    /// <summary>With D = 1 every lane is a candidate, so every lane inside the span is compared whole.</summary>
    public static void Every_lane_matches_the_independent_seal<TKernel>() where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        foreach (int v in new[] { 0, 3 })
        {
            var c = Challenge(v);
            var m = new PowRegisterMidstate(c, new Difficulty(1));
            foreach (ulong first in GroupStarts(width, c))
            {
                var seals = GroupSeals<TKernel>(m, first, out ulong mask);
                Assert.True(seals.Length >= 1);
                Assert.Equal(LowBits(seals.Length), mask & LowBits(seals.Length));
                for (int i = 0; i < seals.Length; i++)
                {
                    ulong position = unchecked(first + (ulong)i);
                    Assert.True(IndependentSeal(c, c.NonceAt(position)).AsSpan().SequenceEqual(seals[i]),
                        $"{TKernel.Name}: position {position} (lane {i} of group {first}), nonce {c.NonceAt(position)}");
                }
            }
        }
    }

    /// <summary>The early-reject mask is exactly "top 64 bits of the little-endian seal ≤ top 64 bits of T", lane by lane.</summary>
    public static void Early_reject_matches_the_top_word<TKernel>() where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        var c = Challenge(0);
        var difficulty = new Difficulty(3);
        var m = new PowRegisterMidstate(c, difficulty);
        int candidates = 0, lanesChecked = 0;
        var starts = GroupStarts(width, c).Concat(Enumerable.Range(0, 40).Select(g => 5 * SpanLength - 20 * (ulong)width + (ulong)(g * width)));
        foreach (ulong first in starts)
        {
            GroupSeals<TKernel>(m, first, out ulong mask);
            for (int i = 0; i < LanesInSpan(first, width); i++)
            {
                ulong position = unchecked(first + (ulong)i);
                var seal = IndependentSeal(c, c.NonceAt(position));
                bool expected = BinaryPrimitives.ReadUInt64LittleEndian(seal.AsSpan(24)) <= difficulty.Threshold.T3;
                Assert.True(expected == ((mask >> i & 1) == 1), $"{TKernel.Name}: position {position} lane {i}");
                if (expected) candidates++;
                lanesChecked++;
            }
        }
        Assert.InRange(candidates, 1, lanesChecked - 1); // D = 3 leaves about a third: both outcomes were exercised
    }

    /// <summary>
    /// Isolated hits h (no other hit in the Width positions before) in the middle of a span, among the first positions of
    /// a span and among the last, each found from start h − p for every lane position p (so ranges start in the previous
    /// span); a range that stops one short of h must not report it, and one starting just after h finds the next hit.
    /// </summary>
    public static void Hit_is_found_at_every_lane_position<TKernel>() where TKernel : struct, ISealKernel
    {
        int width = TKernel.Width;
        var template = Template(0, 64);
        using var searcher = new CpuSealSearcher<TKernel>();
        using var reference = new ReferenceSealSearcher();
        searcher.Prepare(template);
        reference.Prepare(template);
        var hits = new[]
        {
            IsolatedHit(template, 3 * SpanLength + 5_000, 3 * SpanLength + 1_000_000, width),
            IsolatedHit(template, Enumerable.Range(1, 1024).Select(k => (ulong)k * SpanLength), 0, (ulong)width, width),
            IsolatedHit(template, Enumerable.Range(1, 1024).Select(k => (ulong)k * SpanLength), SpanLength - (ulong)(2 * width), SpanLength, width),
        };
        foreach (ulong hit in hits)
        {
            for (int p = 0; p < width; p++)
            {
                ulong start = hit - (ulong)p;
                string where = $"{TKernel.Name}: hit {hit} lane {p}";
                Assert.True(searcher.Search(start, (ulong)(p + 1), CancellationToken.None, out ulong position), $"{where}, count {p + 1}");
                Assert.Equal(hit, position);
                Assert.True(searcher.Search(start, (ulong)(3 * width), CancellationToken.None, out position), $"{where}, long range");
                Assert.Equal(hit, position);
                Assert.False(searcher.Search(start, (ulong)p, CancellationToken.None, out _), $"{where}, range ends before the hit");
            }
            bool expected = reference.Search(hit + 1, 4_000, CancellationToken.None, out ulong next);
            Assert.Equal(expected, searcher.Search(hit + 1, 4_000, CancellationToken.None, out ulong found));
            Assert.True(expected, "D = 64 leaves a hit in 4,000 positions");
            Assert.Equal(next, found);
        }
    }

    /// <summary>Random ranges around every span start (many crossing it, some wrapping at 2^64) give the reference's answer.</summary>
    public static void Ranges_give_the_smallest_passing_position<TKernel>() where TKernel : struct, ISealKernel
    {
        var random = new Random(20261007);
        ulong[] bases = [.. SpanStarts.Select(s => unchecked(s - 200)), 77_777_777_777UL];
        foreach (ulong difficulty in new ulong[] { 2, 40, 300 })
        {
            var template = Template(3, difficulty);
            using var searcher = new CpuSealSearcher<TKernel>();
            using var reference = new ReferenceSealSearcher();
            searcher.Prepare(template);
            reference.Prepare(template);
            for (int trial = 0; trial < 32; trial++)
            {
                ulong start = unchecked(bases[trial % bases.Length] + (ulong)random.Next(0, 300));
                ulong count = (ulong)random.Next(1, 400);
                bool expected = reference.Search(start, count, CancellationToken.None, out ulong expectedPosition);
                bool found = searcher.Search(start, count, CancellationToken.None, out ulong position);
                Assert.True(expected == found, $"{TKernel.Name}: D={difficulty} start={start} count={count}");
                if (expected) Assert.Equal(expectedPosition, position);
            }
        }
    }

    /// <summary>
    /// A one-thread solve from a start whose first passing position lies in the next span (the start is just after the
    /// span's last hit) returns that position's nonce, every time, in small rounds that cut groups and in the default ones.
    /// </summary>
    public static void One_thread_solve_is_the_first_passing_position<TKernel>() where TKernel : struct, ISealKernel
    {
        var template = Template(0, 500);
        var c = template.Challenge;
        ulong boundary = 7 * SpanLength;
        ulong lastBefore = boundary - 1;
        while (!template.Verify(c.NonceAt(lastBefore), out _)) lastBefore--;
        ulong start = lastBefore + 1, expected = boundary;
        while (!template.Verify(c.NonceAt(expected), out _)) expected++;

        foreach (ulong? round in new ulong?[] { 7, null, 7 })
        {
            using var searcher = new CpuSealSearcher<TKernel>();
            var result = PowSolver.Solve([searcher], new FixedTemplateSource(template),
                new SolverOptions { NonceStart = start, UpdateInterval = round, Timeout = TimeSpan.FromMinutes(1) }, CancellationToken.None);
            Assert.Equal(SolveOutcome.Solved, result.Outcome);
            Assert.Equal(c.NonceAt(expected), result.Nonce);
            Assert.Equal(IndependentSeal((PowRegisterChallenge)c, result.Nonce), result.Seal);
            Assert.Equal(start, result.Statistics.NonceStart);
        }
    }

    private static ulong IsolatedHit(BlockTemplate template, ulong from, ulong to, int width)
    {
        var c = template.Challenge;
        ulong lastHit = 0;
        bool any = false;
        for (ulong p = from; p < to; p++)
        {
            if (!template.Verify(c.NonceAt(p), out _)) continue;
            if (any && p - lastHit > (ulong)width) return p;
            lastHit = p;
            any = true;
        }
        throw new InvalidOperationException($"No isolated hit in [{from}, {to}); lower the difficulty.");
    }

    // An isolated hit at an offset in [fromOffset, toOffset) of one of the given spans: Width positions before it scanned.
    private static ulong IsolatedHit(BlockTemplate template, IEnumerable<ulong> spanStarts, ulong fromOffset, ulong toOffset, int width)
    {
        var c = template.Challenge;
        foreach (ulong spanStart in spanStarts)
            for (ulong p = spanStart + fromOffset; p < spanStart + toOffset; p++)
            {
                if (!template.Verify(c.NonceAt(p), out _)) continue;
                bool isolated = true;
                for (ulong q = 1; q <= (ulong)width && isolated; q++) isolated = !template.Verify(c.NonceAt(p - q), out _);
                if (isolated) return p;
            }
        throw new InvalidOperationException("No isolated hit near the span boundaries tried; lower the difficulty.");
    }
}

using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;
using BittensorPow.Engine.Solving;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>
/// pow_register searches on ILGPU's CPU accelerator (the CUDA kernel's C# source) against the reference path: the
/// smallest passing position of a range, across span boundaries (one dispatch per span), the 2^64 wrap, several launches
/// from mid-span, and through the solver (position mapped to its nonce, re-verified). The accelerator manages about
/// 0.1 M seals/s, so every range starts a few positions before a boundary whose neighbourhood holds the answer.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class PowRegisterSearcherTests(IlgpuCpuFixture fixture)
{
    private const ulong Span = SpanDispatch.SpanLength;

    // The published vectors' keys (SPEC §10); the block hash varies until the reference puts the answer where a test wants it.
    private static readonly byte[] Hotkey = Enumerable.Repeat((byte)0x02, 32).ToArray();
    private static readonly byte[] Coldkey = Enumerable.Repeat((byte)0x03, 32).ToArray();

    /// <summary>Span boundaries that are also the position's 2^32 and 2^40 marks, the sign bit, and 2^64 (position 0).</summary>
    public static TheoryData<ulong, bool> Boundaries()
    {
        var data = new TheoryData<ulong, bool>();
        foreach (var b in new[] { Span, 1UL << 32, 1UL << 40, 1UL << 63, 0UL })
        {
            data.Add(b, true);
            data.Add(b, false);
        }
        return data;
    }

    [Theory, MemberData(nameof(Boundaries))]
    public void A_launch_across_a_span_boundary_reports_the_smallest_passing_position(ulong boundary, bool answerAfterIt)
    {
        // One launch of 16 positions, two dispatches: [b − 8, b) with the old span's state, [b, b + 8) with the new one's.
        ulong start = unchecked(boundary - 8);
        var (template, expected) = FindTemplate(16, start, 16, hit => unchecked(hit - start) >= 8 == answerAfterIt);
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(start, 16, CancellationToken.None, out ulong position));
        Assert.Equal(expected, position);
    }

    [Fact]
    public void The_last_position_of_a_span_and_of_2_pow_64_is_reported_and_a_range_ending_before_it_finds_nothing()
    {
        foreach (ulong last in new[] { (1UL << 40) - 1, ulong.MaxValue })
        {
            var (template, _) = FindTemplate(4, last - 3, 4, hit => hit == last);
            fixture.Searcher.Prepare(template);
            Assert.True(fixture.Searcher.Search(last - 3, 4, CancellationToken.None, out ulong position));
            Assert.Equal(last, position);
            Assert.False(fixture.Searcher.Search(last - 3, 3, CancellationToken.None, out _));
        }
    }

    [Fact]
    public void Several_launches_from_mid_span_across_a_boundary_find_the_references_answer()
    {
        // Three launches' worth, the boundary inside the second; the answer past the boundary.
        ulong launch = Math.Clamp((ulong)fixture.Searcher.LaunchSize, 64, 20_000);
        ulong start = Span * 0x12_3456 - launch - launch / 2, count = 3 * launch;
        var (template, expected) = FindTemplate(2 * launch, start, count, hit => hit >= Span * 0x12_3456);
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(start, count, CancellationToken.None, out ulong position));
        Assert.Equal(expected, position);
    }

    [Fact]
    public void The_published_challenge_is_solved_at_the_references_position()
    {
        // SPEC §10's first three vectors' challenge (block hash 01×32), from 500 positions before span 1 (whose first
        // position is nonce 1, a published vector).
        var challenge = new PowRegisterChallenge(1, 1, Enumerable.Repeat((byte)1, 32).ToArray(), Hotkey, Coldkey);
        var template = new BlockTemplate(challenge, new Difficulty(1_000));
        using var reference = new ReferenceSealSearcher();
        reference.Prepare(template);
        Assert.True(reference.Search(Span - 500, 20_000, CancellationToken.None, out ulong expected));
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(Span - 500, 20_000, CancellationToken.None, out ulong position));
        Assert.Equal(expected, position);
    }

    [Fact]
    public void The_solver_maps_the_devices_position_to_its_nonce_and_counts_a_wrong_one_as_a_device_fault()
    {
        // Solver rounds of 37 positions: launches start and end mid-span, one of them across the boundary.
        ulong start = 5 * Span - 300;
        var (template, expected) = FindTemplate(400, start, 1_000, hit => hit >= 5 * Span);
        var searcher = new FirstAnswerWrong(fixture.Searcher);
        var result = PowSolver.Solve([searcher], new FixedTemplateSource(template),
            new SolverOptions { NonceStart = start, UpdateInterval = 37 }, CancellationToken.None);

        Assert.Equal(SolveOutcome.Solved, result.Outcome);
        Assert.Equal(template.Challenge.NonceAt(expected), result.Nonce);
        Assert.Equal(template.Challenge.ComputeSeal(result.Nonce), result.Seal);
        Assert.Equal(1, result.Statistics.DeviceFaults);
    }

    /// <summary>Tries block hashes 0, 1, 2… until the reference path's first hit in the range satisfies <paramref name="wanted"/>.</summary>
    private static (BlockTemplate Template, ulong Hit) FindTemplate(ulong difficulty, ulong start, ulong count, Func<ulong, bool> wanted)
    {
        using var reference = new ReferenceSealSearcher();
        for (int seed = 0; seed < 10_000; seed++)
        {
            var blockHash = new byte[32];
            BitConverter.TryWriteBytes(blockHash, seed);
            var template = new BlockTemplate(new PowRegisterChallenge(1, 1, blockHash, Hotkey, Coldkey), new Difficulty(difficulty));
            reference.Prepare(template);
            if (reference.Search(start, count, CancellationToken.None, out ulong hit) && wanted(hit)) return (template, hit);
        }
        throw new InvalidOperationException("No block hash gave the wanted hit; widen the search.");
    }

    /// <summary>A device whose first answer is a position that fails (a fault the solver must catch); then the real one.</summary>
    private sealed class FirstAnswerWrong(ISealSearcher inner) : ISealSearcher
    {
        private BlockTemplate? _template;
        private bool _lied;

        public string Name => inner.Name;
        public ulong PreferredBatch => inner.PreferredBatch;

        public void Prepare(BlockTemplate template)
        {
            _template = template;
            inner.Prepare(template);
        }

        public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong position)
        {
            if (!_lied)
            {
                _lied = true;
                position = start;
                while (_template!.Verify(_template.Challenge.NonceAt(position), out _)) position++;
                return true;
            }
            return inner.Search(start, count, cancellation, out position);
        }

        public void Dispose() { }   // the fixture owns the device
    }
}

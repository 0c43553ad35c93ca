using System.Text.Json;
using BittensorPow.Engine;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>
/// The CUDA kernel's C# source, run on ILGPU's CPU accelerator, against the shared solve vectors.
/// The CPU accelerator manages well under a million seals per second, so each search starts a fixed
/// distance before the vector's answer (the nonces before it are covered by the CPU reference tests):
/// the kernel must still skip every non-passing nonce up to the answer and report exactly it.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public class GpuSealSearcherVectorTests(IlgpuCpuFixture fixture)
{
    /// <summary>Nonces searched before the answer: several launches' worth on the CPU accelerator.</summary>
    private const ulong Lead = 20_000;

    public static TheoryData<string, string> SolveRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in PowVectors.GetProperty("solves").EnumerateArray())
            foreach (var rule in new[] { "chainLegacyBE", "chainLE" })
                if (s.GetProperty("smallestNonceAtOrAfterStart").TryGetProperty(rule, out _)) data.Add(s.GetProperty("id").GetString()!, rule);
        return data;
    }

    private static JsonElement Solve(string id)
        => PowVectors.GetProperty("solves").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    internal static BlockTemplate Template(JsonElement solve, SealByteOrder order) => new(
        new LegacyChallenge(1, Hex(solve.GetProperty("blockHashHex").GetString()!), Hex(solve.GetProperty("hotkeyPublicKeyHex").GetString()!), order),
        new Difficulty(ulong.Parse(solve.GetProperty("difficulty").GetString()!)));

    private static SealByteOrder OrderOf(string rule) => rule == "chainLE" ? SealByteOrder.LittleEndian : SealByteOrder.BigEndian;

    [Theory, MemberData(nameof(SolveRules))]
    public void Finds_the_vector_solution_as_the_smallest_nonce(string id, string rule)
    {
        var solve = Solve(id);
        var expected = solve.GetProperty("smallestNonceAtOrAfterStart").GetProperty(rule);
        ulong answer = ulong.Parse(expected.GetProperty("nonce").GetString()!);
        ulong vectorStart = ulong.Parse(solve.GetProperty("startNonce").GetString()!);
        ulong start = Math.Max(vectorStart, answer - Lead);
        var searcher = fixture.Searcher;
        searcher.Prepare(Template(solve, OrderOf(rule)));

        Assert.True(searcher.Search(start, 2 * Lead, CancellationToken.None, out ulong nonce));
        Assert.Equal(answer, nonce);
        Assert.Equal(Hex(expected.GetProperty("sealHex").GetString()!), Template(solve, OrderOf(rule)).Challenge.ComputeSeal(nonce));
    }

    [Theory, MemberData(nameof(SolveRules))]
    public void A_hit_on_the_last_nonce_of_a_range_is_found_and_a_range_ending_before_it_finds_nothing(string id, string rule)
    {
        var solve = Solve(id);
        ulong answer = ulong.Parse(solve.GetProperty("smallestNonceAtOrAfterStart").GetProperty(rule).GetProperty("nonce").GetString()!);
        ulong vectorStart = ulong.Parse(solve.GetProperty("startNonce").GetString()!);
        ulong count = Math.Min(5_000, answer - vectorStart + 1);
        var searcher = fixture.Searcher;
        searcher.Prepare(Template(solve, OrderOf(rule)));

        Assert.True(searcher.Search(answer - count + 1, count, CancellationToken.None, out ulong nonce));
        Assert.Equal(answer, nonce);
        Assert.False(searcher.Search(answer - count, count, CancellationToken.None, out _));
    }

    [Fact]
    public void Cancellation_is_checked_between_launches()
    {
        var solve = PowVectors.GetProperty("solves")[0];
        var searcher = fixture.Searcher;
        searcher.Prepare(Template(solve, SealByteOrder.BigEndian));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => searcher.Search(0, 1UL << 40, cancelled.Token, out _));
    }
}

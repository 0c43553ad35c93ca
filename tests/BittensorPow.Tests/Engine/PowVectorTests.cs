using System.Text.Json;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Tests.Support;
using Org.BouncyCastle.Crypto.Digests;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine;

public class PowVectorTests
{
    public static TheoryData<string> CaseIds() => new(PowVectors.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
    public static TheoryData<string> SolveIds()
        => new(PowVectors.GetProperty("solves").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
    public static TheoryData<int> EdgeCaseIndexes() => new(Enumerable.Range(0, PowVectors.GetProperty("ruleEdgeCases").GetArrayLength()));

    private static JsonElement Case(string id) => PowVectors.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
    private static JsonElement Solve(string id)
        => PowVectors.GetProperty("solves").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Theory, MemberData(nameof(CaseIds))]
    public void Seal_case_matches_every_intermediate(string id)
    {
        var c = Case(id);
        var bah = Seal.BlockAndHotkeyHash(Hex(c.GetProperty("blockHashHex").GetString()!), Hex(c.GetProperty("hotkeyPublicKeyHex").GetString()!));
        Assert.Equal(Hex(c.GetProperty("blockAndHotkeyHashHex").GetString()!), bah);
        ulong nonce = ulong.Parse(c.GetProperty("nonce").GetString()!);
        var preSeal = new byte[40];
        Seal.PreSeal(bah, nonce, preSeal);
        Assert.Equal(Hex(c.GetProperty("preSealHex").GetString()!), preSeal);
        Assert.Equal(Hex(c.GetProperty("sha256Hex").GetString()!), System.Security.Cryptography.SHA256.HashData(preSeal));
        var seal = Seal.Compute(bah, nonce);
        Assert.Equal(Hex(c.GetProperty("sealHex").GetString()!), seal);
        Assert.Equal(c.GetProperty("sealAsU256BigEndianDec").GetString(), new System.Numerics.BigInteger(seal, true, true).ToString());
        Assert.Equal(c.GetProperty("sealAsU256LittleEndianDec").GetString(), new System.Numerics.BigInteger(seal, true, false).ToString());
    }

    [Theory, MemberData(nameof(CaseIds))]
    public void Every_rule_check_matches(string id)
    {
        var c = Case(id);
        var seal = Hex(c.GetProperty("sealHex").GetString()!);
        foreach (var check in c.GetProperty("checks").EnumerateArray())
        {
            ulong d = ulong.Parse(check.GetProperty("difficulty").GetString()!);
            string label = check.GetProperty("label").GetString()!;
            Assert.True(check.GetProperty("chainLegacyBE").GetBoolean() == new Difficulty(d).IsMetBy(seal, SealByteOrder.BigEndian),
                $"{id} BE d={label}");
            Assert.True(check.GetProperty("chainLE").GetBoolean() == new Difficulty(d).IsMetBy(seal, SealByteOrder.LittleEndian),
                $"{id} LE d={label}");
            Assert.Equal(check.GetProperty("chainLegacyBE").GetBoolean(), Difficulty.ChainRule(seal, d, SealByteOrder.BigEndian));
            Assert.Equal(check.GetProperty("python").GetBoolean(), ReferenceClientRules.Python(seal, d));
            Assert.Equal(check.GetProperty("cubit").GetBoolean(), ReferenceClientRules.Cubit(seal, d));
        }
    }

    [Theory, MemberData(nameof(CaseIds))]
    public void Largest_passing_difficulty_is_a_boundary(string id)
    {
        var c = Case(id);
        var seal = Hex(c.GetProperty("sealHex").GetString()!);
        var capped = c.GetProperty("maxDifficultyCappedU64");
        foreach (var (rule, order) in new[] { ("chainLegacyBE", SealByteOrder.BigEndian), ("chainLE", SealByteOrder.LittleEndian) })
        {
            ulong max = ulong.Parse(capped.GetProperty(rule).GetString()!);
            Assert.True(new Difficulty(max).IsMetBy(seal, order), $"{id} {rule} max {max} passes");
            if (max < ulong.MaxValue) Assert.False(new Difficulty(max + 1).IsMetBy(seal, order), $"{id} {rule} max+1 fails");
        }
    }

    [Theory, MemberData(nameof(EdgeCaseIndexes))]
    public void Rule_edge_cases(int index)
    {
        var e = PowVectors.GetProperty("ruleEdgeCases")[index];
        var seal = Hex(e.GetProperty("sealHex").GetString()!);
        ulong d = ulong.Parse(e.GetProperty("difficulty").GetString()!);
        string note = e.GetProperty("note").GetString()!;
        Assert.True(e.GetProperty("chainLegacyBE").GetBoolean() == Difficulty.ChainRule(seal, d, SealByteOrder.BigEndian), note);
        Assert.True(e.GetProperty("chainLE").GetBoolean() == Difficulty.ChainRule(seal, d, SealByteOrder.LittleEndian), note);
        if (d == 0)
        {
            // The chain accepts anything at D = 0; the solver refuses it as bad input instead.
            Assert.Throws<ArgumentOutOfRangeException>(() => new Difficulty(d));
            return;
        }
        Assert.True(e.GetProperty("chainLegacyBE").GetBoolean() == new Difficulty(d).IsMetBy(seal, SealByteOrder.BigEndian), note);
        Assert.True(e.GetProperty("chainLE").GetBoolean() == new Difficulty(d).IsMetBy(seal, SealByteOrder.LittleEndian), note);
        Assert.True(e.GetProperty("python").GetBoolean() == ReferenceClientRules.Python(seal, d), note);
        Assert.True(e.GetProperty("cubit").GetBoolean() == ReferenceClientRules.Cubit(seal, d), note);
    }

    [Theory, MemberData(nameof(SolveIds))]
    public void One_thread_from_start_nonce_finds_the_smallest_solution(string id)
    {
        var s = Solve(id);
        var template = new BlockTemplate(
            new LegacyChallenge(1, Hex(s.GetProperty("blockHashHex").GetString()!), Hex(s.GetProperty("hotkeyPublicKeyHex").GetString()!),
                SealByteOrder.BigEndian),
            new Difficulty(ulong.Parse(s.GetProperty("difficulty").GetString()!)));
        Assert.Equal(Hex(s.GetProperty("blockAndHotkeyHashHex").GetString()!), ((LegacyChallenge)template.Challenge).BlockAndHotkeyHash.ToArray());
        ulong start = ulong.Parse(s.GetProperty("startNonce").GetString()!);
        foreach (var (rule, order) in new[] { ("chainLegacyBE", SealByteOrder.BigEndian), ("chainLE", SealByteOrder.LittleEndian) })
        {
            if (!s.GetProperty("smallestNonceAtOrAfterStart").TryGetProperty(rule, out var expected)) continue;
            var t = new BlockTemplate(((LegacyChallenge)template.Challenge).WithByteOrder(order), template.Difficulty);
            var result = PowSolver.Solve([CpuBackends.Create(CpuBackends.Best())], new FixedTemplateSource(t),
                new SolverOptions { NonceStart = start, UpdateInterval = 10_000 }, CancellationToken.None);
            Assert.Equal(SolveOutcome.Solved, result.Outcome);
            Assert.Equal(ulong.Parse(expected.GetProperty("nonce").GetString()!), result.Nonce);
            Assert.Equal(Hex(expected.GetProperty("sealHex").GetString()!), result.Seal);
        }
    }

    [Fact]
    public void Hash_sanity_keccak_is_not_sha3()
    {
        var h = PowVectors.GetProperty("hashSanity");
        Assert.Equal(Hex(h.GetProperty("keccak256_empty").GetString()!), BittensorPow.Engine.Hashing.Keccak256.Hash([]));
        Assert.Equal(Hex(h.GetProperty("sha3_256_empty").GetString()!), System.Security.Cryptography.SHA3_256.IsSupported
            ? System.Security.Cryptography.SHA3_256.HashData([]) : Hex(h.GetProperty("sha3_256_empty").GetString()!));
        Assert.NotEqual(Hex(h.GetProperty("case01_WRONG_sealIfSha3Used").GetString()!),
            Seal.Compute(Hex(Case("seal-01").GetProperty("blockAndHotkeyHashHex").GetString()!), 0));
    }

    [Fact]
    public void Upstream_bittensor_values()
    {
        foreach (var u in PowVectors.GetProperty("upstreamVectors").EnumerateArray())
        {
            if (u.TryGetProperty("expectedSealHex", out var seal))
                Assert.Equal(Hex(seal.GetString()!),
                    Seal.Compute(Hex(u.GetProperty("blockAndHotkeyHashHex").GetString()!), ulong.Parse(u.GetProperty("nonce").GetString()!)));
            else
                Assert.Equal(Hex(u.GetProperty("expectedBlockAndHotkeyHashHex").GetString()!),
                    Seal.BlockAndHotkeyHash(Hex(u.GetProperty("blockHashHex").GetString()!), Hex(u.GetProperty("hotkeyPublicKeyHex").GetString()!)));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(300)]
    public void Keccak256_matches_BouncyCastle(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var expected = new byte[32];
        digest.DoFinal(expected, 0);
        Assert.Equal(expected, BittensorPow.Engine.Hashing.Keccak256.Hash(data));
    }

    [Fact]
    public void Difficulty_zero_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Difficulty(0));
}

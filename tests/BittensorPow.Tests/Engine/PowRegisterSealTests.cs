using System.Security.Cryptography;
using System.Text.Json;
using BittensorPow.Engine;
using Org.BouncyCastle.Crypto.Digests;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine;

/// <summary>
/// The pow_register seal (SPEC §10) on the engine's reference path, against the four published vectors (copied into
/// Engine/Data from SPEC §10, which shared/vectors does not hold) and against an independent implementation.
/// </summary>
public sealed class PowRegisterSealTests
{
    internal static JsonElement Vectors()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(
            Path.Combine(RepoRoot, "tests", "BittensorPow.Tests", "Engine", "Data", "pow-register-v1-spec.json")));
        return doc.RootElement.GetProperty("vectors").Clone();
    }

    public static TheoryData<int> VectorIndices() => new(Enumerable.Range(0, Vectors().GetArrayLength()));

    internal static PowRegisterChallenge ChallengeOf(JsonElement v) => new(
        (ushort)v.GetProperty("netUid").GetInt32(), 1, Hex(v.GetProperty("blockHashHex").GetString()!),
        Hex(v.GetProperty("hotkeyHex").GetString()!), Hex(v.GetProperty("coldkeyHex").GetString()!));

    [Theory, MemberData(nameof(VectorIndices))]
    public void The_published_vectors_hold(int index)
    {
        var v = Vectors()[index];
        ulong nonce = ulong.Parse(v.GetProperty("nonce").GetString()!);
        Assert.Equal(v.GetProperty("sealHex").GetString(), Convert.ToHexStringLower(ChallengeOf(v).ComputeSeal(nonce)));
    }

    [Theory, MemberData(nameof(VectorIndices))]
    public void The_independent_implementation_gives_the_published_vectors(int index)
    {
        var v = Vectors()[index];
        ulong nonce = ulong.Parse(v.GetProperty("nonce").GetString()!);
        var payload = Independent.Payload((ushort)v.GetProperty("netUid").GetInt32(), Hex(v.GetProperty("blockHashHex").GetString()!),
            Hex(v.GetProperty("hotkeyHex").GetString()!), Hex(v.GetProperty("coldkeyHex").GetString()!), nonce);
        Assert.Equal(v.GetProperty("sealHex").GetString(), Convert.ToHexStringLower(Independent.Seal(payload)));
    }

    [Fact]
    public void The_payload_is_131_bytes_laid_out_as_SPEC_10_says()
    {
        var c = new PowRegisterChallenge(0x0201, 9, Filled(0x11), Filled(0x22), Filled(0x33));
        var payload = new byte[PowRegisterSeal.PayloadLength];
        PowRegisterSeal.Payload(c.Prefix, 0x0807060504030201UL, payload);
        Assert.Equal(131, payload.Length);
        Assert.Equal("subtensor-pow-register-v1"u8.ToArray(), payload[..25]);
        Assert.Equal(new byte[] { 0x01, 0x02 }, payload[25..27]);
        Assert.Equal(Filled(0x11), payload[27..59]);
        Assert.Equal(Filled(0x22), payload[59..91]);
        Assert.Equal(Filled(0x33), payload[91..123]);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, payload[123..131]);
    }

    [Fact]
    public void The_rule_reads_the_seal_little_endian()
    {
        var c = new PowRegisterChallenge(1, 1, Filled(1), Filled(2), Filled(3));
        Assert.Equal(SealByteOrder.LittleEndian, c.ByteOrder);
        Assert.Equal(SealScheme.PowRegisterV1, c.Scheme);
        var seal = c.ComputeSeal(0);
        foreach (ulong d in new ulong[] { 1, 2, 3, 1000, 1UL << 40, ulong.MaxValue })
            Assert.Equal(Difficulty.ChainRule(seal, d, SealByteOrder.LittleEndian), c.Accepts(seal, new Difficulty(d)));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(1UL, 1UL << 40)]
    [InlineData((1UL << 24) - 1, 0xFFFFFFUL << 40)]
    [InlineData(1UL << 24, 1UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    [InlineData(0x0000_0123_4567_89ABUL, 0x6789AB00_0001_2345UL)]
    public void Position_i_is_nonce_rotr_i_24(ulong position, ulong nonce)
    {
        var c = new PowRegisterChallenge(1, 1, Filled(1), Filled(2), Filled(3));
        Assert.Equal(nonce, c.NonceAt(position));
        Assert.Equal(position, c.PositionOf(nonce));
    }

    [Fact]
    public void Each_bound_value_changes_the_seal()
    {
        var c = new PowRegisterChallenge(1, 1, Filled(1), Filled(2), Filled(3));
        var seal = c.ComputeSeal(42);
        Assert.NotEqual(seal, new PowRegisterChallenge(2, 1, Filled(1), Filled(2), Filled(3)).ComputeSeal(42));
        Assert.NotEqual(seal, new PowRegisterChallenge(1, 1, Filled(9), Filled(2), Filled(3)).ComputeSeal(42));
        Assert.NotEqual(seal, new PowRegisterChallenge(1, 1, Filled(1), Filled(9), Filled(3)).ComputeSeal(42));
        Assert.NotEqual(seal, new PowRegisterChallenge(1, 1, Filled(1), Filled(2), Filled(9)).ComputeSeal(42));
        // The block number is not in the payload: only its hash is.
        Assert.Equal(seal, new PowRegisterChallenge(1, 2, Filled(1), Filled(2), Filled(3)).ComputeSeal(42));
    }

    private static byte[] Filled(byte b) => Enumerable.Repeat(b, 32).ToArray();

    /// <summary>SPEC §10 written out with the BCL's SHA-256 and BouncyCastle's Keccak, sharing no code with the engine.</summary>
    internal static class Independent
    {
        public static byte[] Payload(ushort netUid, byte[] blockHash, byte[] hotkey, byte[] coldkey, ulong nonce) =>
            [.. "subtensor-pow-register-v1"u8.ToArray(), (byte)netUid, (byte)(netUid >> 8), .. blockHash, .. hotkey, .. coldkey,
                .. BitConverter.GetBytes(nonce)];

        public static byte[] Seal(byte[] payload)
        {
            var sha = SHA256.HashData(payload);
            var keccak = new KeccakDigest(256);
            keccak.BlockUpdate(sha, 0, sha.Length);
            var seal = new byte[32];
            keccak.DoFinal(seal, 0);
            return seal;
        }
    }
}

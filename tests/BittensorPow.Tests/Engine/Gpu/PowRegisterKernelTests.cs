using System.Security.Cryptography;
using System.Text.Json;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends.Gpu;
using BittensorPow.Engine.Hashing;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>
/// pow_register's GPU kernel code (SPEC §10) on ILGPU's CPU accelerator, seal by seal: the published vectors, and the
/// engine's reference path and the independent implementation (BCL SHA-256 over the whole payload, BouncyCastle
/// Keccak) at both sides of every boundary of the search order. Also the host's SHA-256 midstates against the BCL.
/// </summary>
public sealed class PowRegisterKernelTests(PowRegisterKernelTests.SealKernel kernel) : IClassFixture<PowRegisterKernelTests.SealKernel>
{
    /// <summary><see cref="SealKernels.ComputePowRegisterSeals"/> on the CPU accelerator, compiled once for the class.</summary>
    public sealed class SealKernel : IDisposable
    {
        private readonly Context _context = Context.Create(b => b.CPU(CPUDeviceKind.Default));
        private readonly CPUAccelerator _accelerator;
        private readonly Action<Index1D, ArrayView<uint>, ArrayView<PowRegisterSpan>, ArrayView<ulong>> _kernel;

        public SealKernel()
        {
            _accelerator = _context.CreateCPUAccelerator(0);
            _kernel = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<uint>, ArrayView<PowRegisterSpan>, ArrayView<ulong>>(
                SealKernels.ComputePowRegisterSeals);
        }

        /// <summary>32-byte seals, one per position.</summary>
        public byte[][] Seals(PowRegisterChallenge challenge, ulong[] positions)
        {
            var midstate = new PowRegisterMidstate(challenge);
            using var padded = _accelerator.Allocate1D(positions.Select(PowRegisterMidstate.PaddedPosition).ToArray());
            using var spans = _accelerator.Allocate1D(positions.Select(midstate.SpanOf).ToArray());
            using var output = _accelerator.Allocate1D<ulong>(positions.Length * 4);
            _kernel(positions.Length, padded.View, spans.View, output.View);
            _accelerator.Synchronize();
            var lanes = output.GetAsArray1D();
            return positions.Select((_, i) => lanes.AsSpan(i * 4, 4).ToArray().SelectMany(BitConverter.GetBytes).ToArray()).ToArray();
        }

        public void Dispose()
        {
            _accelerator.Dispose();
            _context.Dispose();
        }
    }

    private static JsonElement[] SpecVectors()
    {
        var path = Path.Combine(RepoRoot, "tests", "BittensorPow.Tests", "Engine", "Data", "pow-register-v1-spec.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.GetProperty("vectors").Clone().EnumerateArray().ToArray();
    }

    /// <summary>Both sides of a span (2^24), of the position's low 32 bits, of the nonce's block-2 bytes (2^40), of
    /// the sign bit, and the first and last span of 2^64.</summary>
    public static readonly ulong[] EdgePositions =
    [
        0, 1, 0xFF, 0x100, 0xFFFF, 0x1_0000, 0xFF_FFFE, 0xFF_FFFF, 0x100_0000, 0x100_0001, 0x1FF_FFFF, 0x200_0000,
        0xFFFF_FFFF, 0x1_0000_0000, 0xFF_FFFF_FFFF, 0x100_0000_0000, 0x0123_4567_89AB_CDEF,
        0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue - 0xFF_FFFF, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    [Fact]
    public void Kernel_seals_equal_the_published_vectors()
    {
        var vectors = SpecVectors();
        Assert.Equal(4, vectors.Length);
        foreach (var v in vectors)
        {
            var challenge = PowRegisterSealTests.ChallengeOf(v);
            ulong nonce = ulong.Parse(v.GetProperty("nonce").GetString()!);
            var seal = kernel.Seals(challenge, [challenge.PositionOf(nonce)])[0];
            Assert.Equal(v.GetProperty("sealHex").GetString(), Convert.ToHexStringLower(seal));
        }
    }

    [Fact]
    public void Kernel_seals_equal_the_reference_and_the_independent_implementation_at_every_edge_of_the_search_order()
    {
        byte[] blockHash = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i))];
        byte[] hotkey = [.. Enumerable.Range(0, 32).Select(i => (byte)(3 * i + 1))];
        byte[] coldkey = [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))];
        var challenge = new PowRegisterChallenge(0x0203, 9, blockHash, hotkey, coldkey);
        var seals = kernel.Seals(challenge, EdgePositions);
        for (int i = 0; i < EdgePositions.Length; i++)
        {
            ulong nonce = challenge.NonceAt(EdgePositions[i]);
            Assert.Equal(challenge.ComputeSeal(nonce), seals[i]);
            var payload = PowRegisterSealTests.Independent.Payload(0x0203, blockHash, hotkey, coldkey, nonce);
            Assert.Equal(PowRegisterSealTests.Independent.Seal(payload), seals[i]);
        }
    }

    [Fact]
    public void Three_compressions_from_the_IV_are_the_BCL_SHA256_of_the_padded_payload()
    {
        var challenge = PowRegisterSealTests.ChallengeOf(SpecVectors()[3]);
        var payload = new byte[192];
        PowRegisterSeal.Payload(challenge.Prefix, 0x1122_3344_5566_7788UL, payload);
        payload[131] = 0x80;
        payload[190] = 1048 >> 8;
        payload[191] = 1048 & 0xFF;
        var state = Sha256Constants.InitialState.ToArray();
        for (int b = 0; b < 3; b++) Sha256Compression.Compress(state, payload.AsSpan(64 * b, 64));
        var digest = state.SelectMany(w => BitConverter.GetBytes(w).Reverse()).ToArray();
        Assert.Equal(SHA256.HashData(payload.AsSpan(0, PowRegisterSeal.PayloadLength)), digest);
    }

    [Fact]
    public void Positions_of_one_span_share_their_span_parameters_and_the_next_span_does_not()
    {
        var midstate = new PowRegisterMidstate(new PowRegisterChallenge(1, 1, new byte[32], new byte[32], new byte[32]));
        const ulong span = 0x0123_4567_89UL << 24;
        Assert.Equal(midstate.SpanOf(span), midstate.SpanOf(span + 0xFF_FFFF));
        Assert.NotEqual(midstate.SpanOf(span), midstate.SpanOf(span + 0x100_0000));
        Assert.NotEqual(midstate.SpanOf(span), midstate.SpanOf(span - 1));
        // W0 of block 3 is the position's bytes 0..2 then 0x80 (read big-endian); a thread's add never reaches byte 3.
        Assert.Equal(0x80_FF_FF_FFu, PowRegisterMidstate.PaddedPosition(span + 0xFF_FFFF));
        Assert.Equal(0x80_00_00_00u, PowRegisterMidstate.PaddedPosition(span));
        Assert.Equal(0x80_56_34_12u, PowRegisterMidstate.PaddedPosition(0xFFFF_FFFF_FF56_3412UL));
    }
}

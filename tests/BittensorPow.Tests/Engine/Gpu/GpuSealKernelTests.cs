using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Engine.Gpu;

/// <summary>Seal equality of the kernel code with the vectors and the reference, and the 2^64 edges of a search.</summary>
[Collection(IlgpuCpuCollection.Name)]
public class GpuSealKernelTests(IlgpuCpuFixture fixture)
{
    /// <summary>Runs <see cref="SealKernels.ComputeSeals"/> on the CPU accelerator: 32-byte seals, one per nonce.</summary>
    private static byte[][] KernelSeals(ReadOnlySpan<byte> bah, ulong[] nonces)
    {
        using var context = Context.Create(b => b.CPU(CPUDeviceKind.Default));
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<ulong>, ArrayView<SealConstants>, ArrayView<ulong>>(
            SealKernels.ComputeSeals);
        using var input = accelerator.Allocate1D(nonces);
        var perNonce = new SealConstants[nonces.Length];
        for (int i = 0; i < nonces.Length; i++) perNonce[i] = SealParameters.Constants(bah, nonces[i]);
        using var constants = accelerator.Allocate1D(perNonce);
        using var output = accelerator.Allocate1D<ulong>(nonces.Length * 4);
        kernel(nonces.Length, input.View, constants.View, output.View);
        accelerator.Synchronize();
        var lanes = output.GetAsArray1D();
        return nonces.Select((_, i) => lanes.AsSpan(i * 4, 4).ToArray().SelectMany(BitConverter.GetBytes).ToArray()).ToArray();
    }

    [Fact]
    public void Kernel_seals_equal_every_vector_case()
    {
        var cases = PowVectors.GetProperty("cases").EnumerateArray().ToArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var bah = Hex(c.GetProperty("blockAndHotkeyHashHex").GetString()!);
            ulong nonce = ulong.Parse(c.GetProperty("nonce").GetString()!);
            Assert.Equal(Hex(c.GetProperty("sealHex").GetString()!), KernelSeals(bah, [nonce])[0]);
        }
    }

    [Fact]
    public void Kernel_seals_equal_the_reference_across_word_boundaries()
    {
        var bah = Hex(PowVectors.GetProperty("solves")[0].GetProperty("blockAndHotkeyHashHex").GetString()!);
        ulong[] nonces = [0, 1, 0xFF, 0x100, 0xFFFF_FFFF, 0x1_0000_0000, 0x1_0000_0001, 0x1_FFFF_FFFF,
            0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue - 1, ulong.MaxValue];
        var seals = KernelSeals(bah, nonces);
        for (int i = 0; i < nonces.Length; i++) Assert.Equal(Seal.Compute(bah, nonces[i]), seals[i]);
    }

    [Theory]
    [InlineData(SealByteOrder.BigEndian)]
    [InlineData(SealByteOrder.LittleEndian)]
    public void A_range_that_wraps_past_2_pow_64_is_searched_in_order(SealByteOrder order)
    {
        // A template whose first hit in [2^64 − 4, 2^64 + 4) lies after the wrap: nonce 0..3.
        var (template, expected) = FindTemplate(order, 16, ulong.MaxValue - 3, 8, hit => hit < 4);
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(ulong.MaxValue - 3, 8, CancellationToken.None, out ulong nonce));
        Assert.Equal(expected, nonce);
    }

    [Theory]
    [InlineData(SealByteOrder.BigEndian)]
    [InlineData(SealByteOrder.LittleEndian)]
    public void A_range_across_2_pow_32_is_searched_in_order(SealByteOrder order)
    {
        // The nonce's high half is a launch constant: the search must split there and use the new half after it.
        var (template, expected) = FindTemplate(order, 16, 0xFFFF_FFFC, 8, hit => hit >= 0x1_0000_0000);
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(0xFFFF_FFFC, 8, CancellationToken.None, out ulong nonce));
        Assert.Equal(expected, nonce);
    }

    [Theory]
    [InlineData(SealByteOrder.BigEndian)]
    [InlineData(SealByteOrder.LittleEndian)]
    public void A_hit_at_nonce_2_pow_64_minus_1_is_reported(SealByteOrder order)
    {
        // Offsets, not nonces, go through Atomic.Min: a hit at 2^64 − 1 must not read as "no hit".
        var (template, expected) = FindTemplate(order, 4, ulong.MaxValue - 2, 3, hit => hit == ulong.MaxValue);
        fixture.Searcher.Prepare(template);
        Assert.True(fixture.Searcher.Search(ulong.MaxValue - 2, 3, CancellationToken.None, out ulong nonce));
        Assert.Equal(expected, nonce);
    }

    /// <summary>Tries block hashes 0, 1, 2… until the reference path's first hit in the range satisfies <paramref name="wanted"/>.</summary>
    private static (BlockTemplate Template, ulong Hit) FindTemplate(SealByteOrder order, ulong difficulty, ulong start, ulong count,
        Func<ulong, bool> wanted)
    {
        var hotkey = Hex(PowVectors.GetProperty("keys").GetProperty("alice").GetProperty("publicKeyHex").GetString()!);
        using var reference = new ReferenceSealSearcher();
        for (int seed = 0; seed < 10_000; seed++)
        {
            var blockHash = new byte[32];
            BitConverter.TryWriteBytes(blockHash, seed);
            var template = new BlockTemplate(new LegacyChallenge(1, blockHash, hotkey, order), new Difficulty(difficulty));
            reference.Prepare(template);
            if (reference.Search(start, count, CancellationToken.None, out ulong hit) && wanted(hit)) return (template, hit);
        }
        throw new InvalidOperationException("No block hash gave the wanted hit; widen the search.");
    }
}

using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Cpu;
using CsCheck;

namespace BittensorPow.Tests.Engine.Cpu;

/// <summary>
/// Random pow_register challenges (subnet, block hash, hotkey, coldkey) and random positions, half of them within a few
/// positions of a span boundary, give the same seal on every CPU width available here, on the reference path and on the
/// independent implementation, for every lane of the group that starts there and lies in its span.
/// </summary>
public sealed class PowRegisterFastPathPropertyTests
{
    private delegate byte[][] FastPath(PowRegisterMidstate midstate, ulong first);

    private static readonly Gen<PowRegisterChallenge> Challenges = Gen.Select(Gen.UShort, Gen.Byte.Array[32], Gen.Byte.Array[32], Gen.Byte.Array[32],
        (netUid, blockHash, hotkey, coldkey) => new PowRegisterChallenge(netUid, 1, blockHash, hotkey, coldkey));

    // A span (any of the 2^40) and an offset among its first or last 20 positions; or any position.
    private static readonly Gen<ulong> Positions = Gen.OneOf(
        Gen.ULong,
        Gen.Select(Gen.ULong[0, (1UL << 40) - 1], Gen.UInt[0, 39],
            (span, k) => span << PowRegisterChallenge.SpanBits | (k < 20 ? k : PowRegisterMidstate.OffsetMask - (k - 20))));

    private static IEnumerable<(PowBackend Backend, FastPath Seals)> FastPaths() => CpuBackends.Available().Select(b => b switch
    {
        PowBackend.CpuAvx512 => (b, (FastPath)PowRegisterKernelChecks.GroupSeals<SealAvx512>),
        PowBackend.CpuAvx2 => (b, PowRegisterKernelChecks.GroupSeals<SealAvx2>),
        _ => (b, (FastPath)PowRegisterKernelChecks.GroupSeals<SealScalar>),
    });

    [Fact]
    public void Every_fast_path_gives_the_reference_seal() => Gen.Select(Challenges, Positions).Sample((challenge, position) =>
    {
        var midstate = new PowRegisterMidstate(challenge, new Difficulty(1));
        int paths = 0;
        foreach (var (backend, seals) in FastPaths())
        {
            var group = seals(midstate, position);
            Assert.Equal(PowRegisterKernelChecks.LanesInSpan(position, WidthOf(backend)), group.Length);
            for (int i = 0; i < group.Length; i++)
            {
                ulong nonce = challenge.NonceAt(unchecked(position + (ulong)i));
                var reference = challenge.ComputeSeal(nonce);
                Assert.True(reference.AsSpan().SequenceEqual(group[i]), $"{backend}: {challenge}, position {position} + {i}, nonce {nonce}");
                if (i == 0) Assert.Equal(PowRegisterKernelChecks.IndependentSeal(challenge, nonce), reference);
            }
            paths++;
        }
        Assert.Equal(CpuBackends.Available().Count, paths);
    }, iter: 300);

    private static int WidthOf(PowBackend backend) => backend switch
    {
        PowBackend.CpuAvx512 => SealAvx512.Width,
        PowBackend.CpuAvx2 => SealAvx2.Width,
        _ => SealScalar.Width,
    };
}

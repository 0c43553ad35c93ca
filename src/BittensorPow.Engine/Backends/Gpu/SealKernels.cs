namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// The ILGPU kernels: for the legacy seal one per byte order, so that neither carries a branch on it, and one for
/// pow_register's (always little-endian). A hit is recorded as its offset from the launch's first nonce or position
/// with Atomic.Min, which keeps the smallest offset of the launch; offsets are below 2^31, so ulong.MaxValue ("none")
/// can never be a real hit, even when the nonce itself is 2^64 − 1.
/// </summary>
public static class SealKernels
{
    public const ulong NoHit = ulong.MaxValue;

    public static void SearchBigEndian(SealLaunch p, ArrayView<ulong> best)
    {
        int index = Grid.GlobalIndex.X;
        if (index >= p.Count) return;
        SealState st = SealMath.ComputeState((uint)p.Base + (uint)index, p.Constants);
        // Big-endian: the most significant limb is seal bytes 0..7, i.e. lane 0 byte-swapped. The early reject
        // needs only its top 32 bits (seal bytes 0..3), so almost every seal stops after the part of the last
        // Keccak round that feeds them and one 32-bit compare; the rest of the round and the full 64-bit limbs
        // are computed for the rare candidates only.
        if (SealMath.TopWordBigEndian(st) > (uint)(p.T3 >> 32)) return;
        SealLanes s = SealMath.Finish(st);
        if (Accepts(Swap64(s.L0), Swap64(s.L1), Swap64(s.L2), Swap64(s.L3), p.T3, p.T2, p.T1, p.T0)) Atomic.Min(ref best[0], (ulong)index);
    }

    public static void SearchLittleEndian(SealLaunch p, ArrayView<ulong> best)
    {
        int index = Grid.GlobalIndex.X;
        if (index >= p.Count) return;
        SealState st = SealMath.ComputeState((uint)p.Base + (uint)index, p.Constants);
        RecordLittleEndianHit(st, p.T3, p.T2, p.T1, p.T0, best, 0, index);
    }

    /// <summary>
    /// pow_register (SPEC §10): one dispatch per span a launch touches, each thread one position of the span. The host
    /// folded SHA-256's first two blocks into p.Span, so a thread compresses block 3 (only W0 varies) and ends as the
    /// legacy little-endian kernel does (<see cref="RecordLittleEndianHit"/>: Keccak-f, early reject and compare).
    /// </summary>
    public static void SearchPowRegister(PowRegisterLaunch p, ArrayView<ulong> best)
    {
        int index = Grid.GlobalIndex.X;
        if (index >= p.Count) return;
        SealState st = PowRegisterSealMath.ComputeState(p.PaddedPosition + (uint)index, p.Span);
        RecordLittleEndianHit(st, p.T3, p.T2, p.T1, p.T0, best, p.Offset, index);
    }

    /// <summary>
    /// The little-endian end of both the legacy little-endian kernel and pow_register's: the most significant limb is
    /// seal bytes 24..31, i.e. lane 3 as it is. As in the big-endian kernel, the early reject reads only its top 32 bits,
    /// which need a fraction of the last Keccak round. A seal that meets the threshold records its offset
    /// <paramref name="first"/> + <paramref name="index"/>, added only then so that rejected threads do not pay for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RecordLittleEndianHit(
        SealState st, ulong t3, ulong t2, ulong t1, ulong t0, ArrayView<ulong> best, int first, int index)
    {
        if (SealMath.TopWordLittleEndian(st) > (uint)(t3 >> 32)) return;
        SealLanes s = SealMath.Finish(st);
        if (Accepts(s.L3, s.L2, s.L1, s.L0, t3, t2, t1, t0)) Atomic.Min(ref best[0], (ulong)(long)(first + index));
    }

    /// <summary>
    /// Writes the four seal lanes of each nonce: lets tests compare the kernel's seal byte for byte. constants[i] must be
    /// those of nonces[i]'s high half (<see cref="SealParameters.Constants"/>).
    /// </summary>
    public static void ComputeSeals(Index1D index, ArrayView<ulong> nonces, ArrayView<SealConstants> constants, ArrayView<ulong> lanes)
    {
        SealLanes s = SealMath.Compute((uint)nonces[index], constants[index]);
        lanes[index * 4] = s.L0;
        lanes[index * 4 + 1] = s.L1;
        lanes[index * 4 + 2] = s.L2;
        lanes[index * 4 + 3] = s.L3;
    }

    /// <summary>
    /// pow_register's seal lanes of positions given as <see cref="PowRegisterMidstate.PaddedPosition"/> with their spans
    /// (<see cref="PowRegisterMidstate.SpanOf"/>): lets tests compare the kernel's seal byte for byte.
    /// </summary>
    public static void ComputePowRegisterSeals(
        Index1D index, ArrayView<uint> paddedPositions, ArrayView<PowRegisterSpan> spans, ArrayView<ulong> lanes)
    {
        SealLanes s = PowRegisterSealMath.Compute(paddedPositions[index], spans[index]);
        lanes[index * 4] = s.L0;
        lanes[index * 4 + 1] = s.L1;
        lanes[index * 4 + 2] = s.L2;
        lanes[index * 4 + 3] = s.L3;
    }

    /// <summary>The seal, as its four 64-bit limbs most significant first, is at most the threshold T3..T0.</summary>
    private static bool Accepts(ulong w3, ulong w2, ulong w1, ulong w0, ulong t3, ulong t2, ulong t1, ulong t0)
    {
        if (w3 != t3) return w3 < t3;
        if (w2 != t2) return w2 < t2;
        if (w1 != t1) return w1 < t1;
        return w0 <= t0;
    }

    /// <summary>
    /// Byte swap written out (ILGPU has no intrinsic for it) in 64-bit operations only: the earlier form,
    /// ((ulong)Swap32(lo) &lt;&lt; 32) | Swap32(hi), gave wrong big-endian hits on OpenCL (pocl), consistent with the
    /// widening happening after a 32-bit shift there.
    /// </summary>
    private static ulong Swap64(ulong x)
    {
        x = ((x & 0x00FF00FF00FF00FFUL) << 8) | ((x >> 8) & 0x00FF00FF00FF00FFUL);
        x = ((x & 0x0000FFFF0000FFFFUL) << 16) | ((x >> 16) & 0x0000FFFF0000FFFFUL);
        return (x << 32) | (x >> 32);
    }
}

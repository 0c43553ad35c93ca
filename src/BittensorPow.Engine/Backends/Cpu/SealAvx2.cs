namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// AVX2: 8 positions per SHA-256 pass in 32-bit lanes, then two Keccak passes of 4 in 64-bit lanes.
/// AVX2 has no rotate or three-input logic, so those are shift/or and two-operand sequences. The rounds are in
/// SealAvx2.g.cs; this file holds the lane layout and the primitives.
/// </summary>
internal partial struct SealAvx2 : ISealKernel
{
    public static string Name => nameof(PowBackend.CpuAvx2);
    public static int Width => 8;
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    // SHA lane 4k+m holds position offset 2k+m (m = 0, 1) and lane 4k+2+m offset 4+2k+m, so that the 32-bit unpacks
    // of the digest words give Keccak pass A the offsets 0..3 and pass B 4..7 in order.
    private static readonly Vector256<uint> LaneOffsets = Vector256.Create(0u, 1, 4, 5, 2, 3, 6, 7);
    private static readonly Vector256<byte> Swap32 = Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
    private static readonly Vector256<byte> Swap64 = Vector256.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8,
        7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(SealMidstate m, ulong first, Span<ulong> lanes)
    {
        var low = Vector256.Create((uint)first);
        var nonceLow = low + LaneOffsets;
        // A lane whose low word wrapped carries into the high word: the compare gives all ones (−1) there.
        var nonceHigh = Vector256.Create((uint)(first >> 32)) - Vector256.LessThan(nonceLow, low);
        Sha256(m, ByteSwap32(nonceLow), ByteSwap32(nonceHigh),
            out var s0, out var s1, out var s2, out var s3, out var s4, out var s5, out var s6, out var s7);
        return KeccakPasses(m.TopThreshold, m.ByteOrder == SealByteOrder.BigEndian, lanes, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(PowRegisterMidstate m, uint offset, Span<ulong> lanes)
    {
        // W0 = nonce bytes 5..7 (the offset's low three bytes) and the padding byte 0x80, big-endian.
        var w0 = ByteSwap32(Vector256.Create(offset) + LaneOffsets) | Vector256.Create(0x80u);
        Sha256PowRegister(m, w0, out var s0, out var s1, out var s2, out var s3, out var s4, out var s5, out var s6, out var s7);
        return KeccakPasses(m.TopThreshold, bigEndian: false, lanes, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    // The digest words to Keccak lanes: byte-swapped (SHA-256 is big-endian, Keccak lanes little-endian), then the 32-bit
    // unpacks give pass A the first 4 positions of the group and pass B the last 4, in order (LaneOffsets).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeccakPasses(ulong topThreshold, bool bigEndian, Span<ulong> lanes, Vector256<uint> s0, Vector256<uint> s1,
        Vector256<uint> s2, Vector256<uint> s3, Vector256<uint> s4, Vector256<uint> s5, Vector256<uint> s6, Vector256<uint> s7)
    {
        s0 = ByteSwap32(s0); s1 = ByteSwap32(s1); s2 = ByteSwap32(s2); s3 = ByteSwap32(s3);
        s4 = ByteSwap32(s4); s5 = ByteSwap32(s5); s6 = ByteSwap32(s6); s7 = ByteSwap32(s7);
        ulong a = Pass(topThreshold, bigEndian, Avx2.UnpackLow(s0, s1).AsUInt64(), Avx2.UnpackLow(s2, s3).AsUInt64(),
            Avx2.UnpackLow(s4, s5).AsUInt64(), Avx2.UnpackLow(s6, s7).AsUInt64(), lanes, 0);
        ulong b = Pass(topThreshold, bigEndian, Avx2.UnpackHigh(s0, s1).AsUInt64(), Avx2.UnpackHigh(s2, s3).AsUInt64(),
            Avx2.UnpackHigh(s4, s5).AsUInt64(), Avx2.UnpackHigh(s6, s7).AsUInt64(), lanes, 4);
        return a | b << 4;
    }

    private static ulong Pass(ulong topThreshold, bool bigEndian, Vector256<ulong> l0, Vector256<ulong> l1, Vector256<ulong> l2, Vector256<ulong> l3,
        Span<ulong> lanes, int offset)
    {
        var o0 = Keccak(l0, l1, l2, l3, out var o1, out var o2, out var o3);
        var top = bigEndian ? Avx2.Shuffle(o0.AsByte(), Swap64).AsUInt64() : o3;
        ulong mask = Vector256.LessThanOrEqual(top, Vector256.Create(topThreshold)).ExtractMostSignificantBits();
        if (mask != 0)
        {
            o0.CopyTo(lanes[offset..]);
            o1.CopyTo(lanes[(Width + offset)..]);
            o2.CopyTo(lanes[(2 * Width + offset)..]);
            o3.CopyTo(lanes[(3 * Width + offset)..]);
        }
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> ByteSwap32(Vector256<uint> x) => Avx2.Shuffle(x.AsByte(), Swap32).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<uint> B32(uint x) => Vector256.Create(x);
    // Σ and σ written with the instructions themselves, not through a rotate helper: the straight-line pow_register rounds
    // have so many call sites that RyuJIT stops inlining two-level helpers part way through the method (then calls them).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> BigSigma0(Vector256<uint> x) =>
        (Avx2.ShiftRightLogical(x, 2) | Avx2.ShiftLeftLogical(x, 30)) ^ (Avx2.ShiftRightLogical(x, 13) | Avx2.ShiftLeftLogical(x, 19))
        ^ (Avx2.ShiftRightLogical(x, 22) | Avx2.ShiftLeftLogical(x, 10));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> BigSigma1(Vector256<uint> x) =>
        (Avx2.ShiftRightLogical(x, 6) | Avx2.ShiftLeftLogical(x, 26)) ^ (Avx2.ShiftRightLogical(x, 11) | Avx2.ShiftLeftLogical(x, 21))
        ^ (Avx2.ShiftRightLogical(x, 25) | Avx2.ShiftLeftLogical(x, 7));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma0(Vector256<uint> x) =>
        (Avx2.ShiftRightLogical(x, 7) | Avx2.ShiftLeftLogical(x, 25)) ^ (Avx2.ShiftRightLogical(x, 18) | Avx2.ShiftLeftLogical(x, 14))
        ^ Avx2.ShiftRightLogical(x, 3);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma1(Vector256<uint> x) =>
        (Avx2.ShiftRightLogical(x, 17) | Avx2.ShiftLeftLogical(x, 15)) ^ (Avx2.ShiftRightLogical(x, 19) | Avx2.ShiftLeftLogical(x, 13))
        ^ Avx2.ShiftRightLogical(x, 10);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Ch(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) => ((f ^ g) & e) ^ g;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Maj(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        (a & b) | ((a | b) & c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<ulong> B64(ulong x) => Vector256.Create(x);
    // Every call site passes a literal n, so after inlining 64 − n is an immediate too.
#pragma warning disable CA1857
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Rotl64(Vector256<ulong> x, [ConstantExpected] byte n) =>
        Avx2.ShiftLeftLogical(x, n) | Avx2.ShiftRightLogical(x, (byte)(64 - n));
#pragma warning restore CA1857
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Xor3_64(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c) => a ^ b ^ c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Chi(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c) =>
        a ^ Avx2.AndNot(b, c);
}

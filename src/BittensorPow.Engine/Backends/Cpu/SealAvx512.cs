namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// AVX-512: 16 positions per SHA-256 pass in 32-bit lanes, then two Keccak passes of 8 in 64-bit lanes,
/// with native rotates (vprold/vprolq) and three-input logic (vpternlog) for Σ, σ, Ch, Maj, θ and χ. The rounds
/// are in SealAvx512.g.cs; this file holds the lane layout and the primitives.
/// </summary>
internal partial struct SealAvx512 : ISealKernel
{
    public static string Name => nameof(PowBackend.CpuAvx512);
    public static int Width => 16;
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported;

    // vpternlog truth tables over (a, b, c) = (0xF0, 0xCC, 0xAA).
    private const byte Xor3Table = 0x96;   // a ^ b ^ c
    private const byte ChooseTable = 0xCA; // a ? b : c
    private const byte MajorityTable = 0xE8;
    private const byte ChiTable = 0xD2;    // a ^ (~b & c)

    // SHA lane 4k+m holds position offset 2k+m (m = 0, 1) and lane 4k+2+m offset 8+2k+m, so that the 32-bit unpacks
    // of the digest words (which work inside each 128-bit block) give Keccak pass A the offsets 0..7 and pass B 8..15 in order.
    private static readonly Vector512<uint> LaneOffsets = Vector512.Create(0u, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15);
    private static readonly Vector512<byte> Swap32 = Vector512.Create(
        Vector256.Create(Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)),
        Vector256.Create(Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)));
    private static readonly Vector512<byte> Swap64 = Vector512.Create(
        Vector256.Create(Vector128.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8)),
        Vector256.Create(Vector128.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(SealMidstate m, ulong first, Span<ulong> lanes)
    {
        var low = Vector512.Create((uint)first);
        var nonceLow = low + LaneOffsets;
        // A lane whose low word wrapped carries into the high word: the compare gives all ones (−1) there.
        var nonceHigh = Vector512.Create((uint)(first >> 32)) - Vector512.LessThan(nonceLow, low);
        Sha256(m, ByteSwap32(nonceLow), ByteSwap32(nonceHigh),
            out var s0, out var s1, out var s2, out var s3, out var s4, out var s5, out var s6, out var s7);
        return KeccakPasses(m.TopThreshold, m.ByteOrder == SealByteOrder.BigEndian, lanes, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(PowRegisterMidstate m, uint offset, Span<ulong> lanes)
    {
        // W0 = nonce bytes 5..7 (the offset's low three bytes) and the padding byte 0x80, big-endian.
        var w0 = ByteSwap32(Vector512.Create(offset) + LaneOffsets) | Vector512.Create(0x80u);
        Sha256PowRegister(m, w0, out var s0, out var s1, out var s2, out var s3, out var s4, out var s5, out var s6, out var s7);
        return KeccakPasses(m.TopThreshold, bigEndian: false, lanes, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    // The digest words to Keccak lanes: byte-swapped (SHA-256 is big-endian, Keccak lanes little-endian), then the 32-bit
    // unpacks give pass A the first 8 positions of the group and pass B the last 8, in order (LaneOffsets).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeccakPasses(ulong topThreshold, bool bigEndian, Span<ulong> lanes, Vector512<uint> s0, Vector512<uint> s1,
        Vector512<uint> s2, Vector512<uint> s3, Vector512<uint> s4, Vector512<uint> s5, Vector512<uint> s6, Vector512<uint> s7)
    {
        s0 = ByteSwap32(s0); s1 = ByteSwap32(s1); s2 = ByteSwap32(s2); s3 = ByteSwap32(s3);
        s4 = ByteSwap32(s4); s5 = ByteSwap32(s5); s6 = ByteSwap32(s6); s7 = ByteSwap32(s7);
        ulong a = Pass(topThreshold, bigEndian, Avx512F.UnpackLow(s0, s1).AsUInt64(), Avx512F.UnpackLow(s2, s3).AsUInt64(),
            Avx512F.UnpackLow(s4, s5).AsUInt64(), Avx512F.UnpackLow(s6, s7).AsUInt64(), lanes, 0);
        ulong b = Pass(topThreshold, bigEndian, Avx512F.UnpackHigh(s0, s1).AsUInt64(), Avx512F.UnpackHigh(s2, s3).AsUInt64(),
            Avx512F.UnpackHigh(s4, s5).AsUInt64(), Avx512F.UnpackHigh(s6, s7).AsUInt64(), lanes, 8);
        return a | b << 8;
    }

    private static ulong Pass(ulong topThreshold, bool bigEndian, Vector512<ulong> l0, Vector512<ulong> l1, Vector512<ulong> l2, Vector512<ulong> l3,
        Span<ulong> lanes, int offset)
    {
        var o0 = Keccak(l0, l1, l2, l3, out var o1, out var o2, out var o3);
        var top = bigEndian ? Avx512BW.Shuffle(o0.AsByte(), Swap64).AsUInt64() : o3;
        ulong mask = Vector512.LessThanOrEqual(top, Vector512.Create(topThreshold)).ExtractMostSignificantBits();
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
    private static Vector512<uint> ByteSwap32(Vector512<uint> x) => Avx512BW.Shuffle(x.AsByte(), Swap32).AsUInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<uint> B32(uint x) => Vector512.Create(x);
    // Σ and σ written with the instructions themselves, not through a rotate helper: the straight-line pow_register rounds
    // have so many call sites that RyuJIT stops inlining two-level helpers part way through the method (then calls them).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> BigSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 2), Avx512F.RotateRight(x, 13), Avx512F.RotateRight(x, 22), Xor3Table);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> BigSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 6), Avx512F.RotateRight(x, 11), Avx512F.RotateRight(x, 25), Xor3Table);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> SmallSigma0(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 7), Avx512F.RotateRight(x, 18), Avx512F.ShiftRightLogical(x, 3), Xor3Table);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> SmallSigma1(Vector512<uint> x) =>
        Avx512F.TernaryLogic(Avx512F.RotateRight(x, 17), Avx512F.RotateRight(x, 19), Avx512F.ShiftRightLogical(x, 10), Xor3Table);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Ch(Vector512<uint> e, Vector512<uint> f, Vector512<uint> g) =>
        Avx512F.TernaryLogic(e, f, g, ChooseTable);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Maj(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c) =>
        Avx512F.TernaryLogic(a, b, c, MajorityTable);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<ulong> B64(ulong x) => Vector512.Create(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Rotl64(Vector512<ulong> x, [ConstantExpected] byte n) => Avx512F.RotateLeft(x, n);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Xor3_64(Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> c) =>
        Avx512F.TernaryLogic(a, b, c, Xor3Table);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Chi(Vector512<ulong> a, Vector512<ulong> b, Vector512<ulong> c) =>
        Avx512F.TernaryLogic(a, b, c, ChiTable);
}

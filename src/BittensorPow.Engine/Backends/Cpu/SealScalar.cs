namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// One position at a time in general-purpose registers, with the precomputation of <see cref="SealMidstate"/> (legacy
/// seal) or <see cref="PowRegisterMidstate"/> (pow_register seal). The rounds are in SealScalar.g.cs; this file holds
/// the primitives they use.
/// </summary>
internal partial struct SealScalar : ISealKernel
{
    public static string Name => nameof(PowBackend.CpuScalar);
    public static int Width => 1;
    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(SealMidstate m, ulong first, Span<ulong> lanes)
    {
        Sha256(m, BinaryPrimitives.ReverseEndianness((uint)first), BinaryPrimitives.ReverseEndianness((uint)(first >> 32)),
            out uint s0, out uint s1, out uint s2, out uint s3, out uint s4, out uint s5, out uint s6, out uint s7);
        // Keccak lane j is the little-endian read of digest bytes 8j..8j+7, i.e. of big-endian words 2j and 2j+1.
        ulong o0 = Keccak(Lane(s0, s1), Lane(s2, s3), Lane(s4, s5), Lane(s6, s7), out ulong o1, out ulong o2, out ulong o3);
        ulong top = m.ByteOrder == SealByteOrder.BigEndian ? BinaryPrimitives.ReverseEndianness(o0) : o3;
        if (top > m.TopThreshold) return 0;
        lanes[0] = o0; lanes[1] = o1; lanes[2] = o2; lanes[3] = o3;
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Candidates(PowRegisterMidstate m, uint offset, Span<ulong> lanes)
    {
        Sha256PowRegister(m, PowRegisterMidstate.Word0(offset),
            out uint s0, out uint s1, out uint s2, out uint s3, out uint s4, out uint s5, out uint s6, out uint s7);
        ulong o0 = Keccak(Lane(s0, s1), Lane(s2, s3), Lane(s4, s5), Lane(s6, s7), out ulong o1, out ulong o2, out ulong o3);
        // Read little-endian: lane 3 is the most significant.
        if (o3 > m.TopThreshold) return 0;
        lanes[0] = o0; lanes[1] = o1; lanes[2] = o2; lanes[3] = o3;
        return 1;
    }

    private static ulong Lane(uint low, uint high) =>
        BinaryPrimitives.ReverseEndianness(low) | (ulong)BinaryPrimitives.ReverseEndianness(high) << 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static uint B32(uint x) => x;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma0(uint x) =>
        BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BigSigma1(uint x) =>
        BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma0(uint x) =>
        BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SmallSigma1(uint x) =>
        BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static uint Ch(uint e, uint f, uint g) => ((f ^ g) & e) ^ g;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static uint Maj(uint a, uint b, uint c) => (a & b) | ((a | b) & c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static ulong B64(ulong x) => x;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Rotl64(ulong x, [ConstantExpected] byte n) => BitOperations.RotateLeft(x, n);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static ulong Xor3_64(ulong a, ulong b, ulong c) => a ^ b ^ c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static ulong Chi(ulong a, ulong b, ulong c) => a ^ (~b & c);
}

namespace BittensorPow.Engine.Hashing;

/// <summary>
/// SHA-256's compression function on one 64-byte block (FIPS 180-4 §6.2.2) and its round functions, for the seal
/// midstates: the BCL hashes whole messages only and keeps its state to itself. Scalar and plain on purpose: it runs once
/// per challenge and once per 2^24 candidates, never per candidate.
/// </summary>
internal static class Sha256Block
{
    public const int Length = 64;

    /// <summary>Compresses <paramref name="block"/> into <paramref name="state"/> (eight words, updated in place).</summary>
    public static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        if (state.Length != 8) throw new ArgumentException("A SHA-256 state is eight words.", nameof(state));
        if (block.Length != Length) throw new ArgumentException("A SHA-256 block is 64 bytes.", nameof(block));
        ReadOnlySpan<uint> k = Sha256Constants.K;
        Span<uint> w = stackalloc uint[64];
        for (int t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        for (int t = 16; t < 64; t++) w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint t1 = h + BigSigma1(e) + Ch(e, f, g) + k[t] + w[t];
            uint t2 = BigSigma0(a) + Maj(a, b, c);
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }

    public static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);
    public static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);
    public static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);
    public static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
    public static uint Ch(uint e, uint f, uint g) => (e & f) ^ (~e & g);
    public static uint Maj(uint a, uint b, uint c) => (a & b) ^ (a & c) ^ (b & c);
}

namespace BittensorPow.Engine.Hashing;

/// <summary>
/// One SHA-256 compression (FIPS 180-4 §6.2.2) on a caller's state: the midstates the BCL's SHA-256 does not expose.
/// Host side only (a few per block and span), so written for clarity, not speed.
/// </summary>
internal static class Sha256Compression
{
    public const int BlockLength = 64;

    /// <summary>Compresses the 64-byte <paramref name="block"/> into the 8-word <paramref name="state"/>.</summary>
    public static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        if (state.Length != 8) throw new ArgumentException($"A SHA-256 state is 8 words, not {state.Length}.", nameof(state));
        if (block.Length != BlockLength) throw new ArgumentException($"A SHA-256 block is 64 bytes, not {block.Length}.", nameof(block));
        ReadOnlySpan<uint> k = Sha256Constants.K;
        Span<uint> w = stackalloc uint[64];
        for (int t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
        for (int t = 16; t < 64; t++)
        {
            uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint bigS1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint t1 = h + bigS1 + ((e & f) ^ (~e & g)) + k[t] + w[t];
            uint bigS0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint t2 = bigS0 + ((a & b) ^ (a & c) ^ (b & c));
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

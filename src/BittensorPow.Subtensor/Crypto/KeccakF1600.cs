namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202 §3), on 25 little-endian lanes. STROBE needs the bare permutation;
/// BouncyCastle keeps its own private and Subtensor must not reference the Engine's copy, so this is a small
/// readable one (speed does not matter here: a transcript runs it a handful of times per signature).
/// </summary>
internal static class KeccakF1600
{
    public const int Rounds = 24;

    private static readonly ulong[] RoundConstants = BuildRoundConstants();
    // Rotation offset of lane (x, y) at index x + 5y, from the (x, y) -> (y, 2x + 3y) walk of FIPS 202 §3.2.2.
    private static readonly int[] RhoOffsets = BuildRhoOffsets();

    public static void Permute(Span<ulong> lanes)
    {
        if (lanes.Length != 25) throw new ArgumentException("Keccak-f[1600] has 25 lanes.", nameof(lanes));
        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (int round = 0; round < Rounds; round++)
        {
            // θ: xor each lane with the parities of two neighbouring columns.
            for (int x = 0; x < 5; x++)
                c[x] = lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20];
            for (int x = 0; x < 5; x++)
            {
                ulong d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) lanes[y + x] ^= d;
            }
            // ρ and π: rotate each lane and move (x, y) to (y, 2x + 3y).
            for (int x = 0; x < 5; x++)
                for (int y = 0; y < 5; y++)
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = BitOperations.RotateLeft(lanes[x + 5 * y], RhoOffsets[x + 5 * y]);
            // χ: the only non-linear step, row by row.
            for (int y = 0; y < 25; y += 5)
                for (int x = 0; x < 5; x++)
                    lanes[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
            // ι
            lanes[0] ^= RoundConstants[round];
        }
    }

    private static int[] BuildRhoOffsets()
    {
        var offsets = new int[25];
        int x = 1, y = 0;
        for (int t = 0; t < 24; t++)
        {
            offsets[x + 5 * y] = (t + 1) * (t + 2) / 2 % 64;
            (x, y) = (y, (2 * x + 3 * y) % 5);
        }
        return offsets;
    }

    // rc(t) is the output of the LFSR x^8 + x^6 + x^5 + x^4 + 1 (FIPS 202 Algorithm 5); round i sets bit 2^j - 1 from rc(j + 7i).
    private static ulong[] BuildRoundConstants()
    {
        var constants = new ulong[Rounds];
        for (int i = 0; i < Rounds; i++)
            for (int j = 0; j <= 6; j++)
                if (Rc(j + 7 * i)) constants[i] |= 1UL << ((1 << j) - 1);
        return constants;
    }

    private static bool Rc(int t)
    {
        if (t % 255 == 0) return true;
        int r = 0x01;
        for (int i = 1; i <= t % 255; i++)
        {
            r <<= 1;
            if ((r & 0x100) != 0) r ^= 0x171;
        }
        return (r & 1) != 0;
    }
}

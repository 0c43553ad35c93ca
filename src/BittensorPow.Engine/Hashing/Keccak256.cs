namespace BittensorPow.Engine.Hashing;

/// <summary>
/// Keccak-256 with the ORIGINAL padding (0x01 … 0x80, rate 136), as sp_io::hashing::keccak_256.
/// Not FIPS-202 SHA3-256, which pads with 0x06 (SPEC §1).
/// </summary>
public static class Keccak256
{
    public const int RateBytes = 136;
    public const int HashBytes = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[HashBytes];
        Hash(data, result);
        return result;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<ulong> state = stackalloc ulong[25];
        Span<byte> block = stackalloc byte[RateBytes];
        while (data.Length >= RateBytes)
        {
            Absorb(state, data[..RateBytes]);
            KeccakF1600.Permute(state);
            data = data[RateBytes..];
        }
        block.Clear();
        data.CopyTo(block);
        block[data.Length] ^= 0x01;
        block[RateBytes - 1] ^= 0x80;
        Absorb(state, block);
        KeccakF1600.Permute(state);
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < RateBytes / 8; i++) state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
    }
}

namespace BittensorPow.Subtensor.Hashing;

/// <summary>The hashes Substrate uses for storage keys, block hashes and addresses.</summary>
public static class SubstrateHash
{
    /// <summary>twox128(x) = XXH64(x, seed 0) LE ‖ XXH64(x, seed 1) LE.</summary>
    public static byte[] Twox128(ReadOnlySpan<byte> data)
    {
        var result = new byte[16];
        XxHash64.Hash(data, result.AsSpan(0, 8), seed: 0);
        XxHash64.Hash(data, result.AsSpan(8, 8), seed: 1);
        // XxHash64 writes big-endian; Substrate stores each half little-endian.
        result.AsSpan(0, 8).Reverse();
        result.AsSpan(8, 8).Reverse();
        return result;
    }

    public static byte[] Twox128(string text) => Twox128(System.Text.Encoding.UTF8.GetBytes(text));

    public static byte[] Twox64(ReadOnlySpan<byte> data)
    {
        var result = new byte[8];
        XxHash64.Hash(data, result, seed: 0);
        result.AsSpan().Reverse();
        return result;
    }

    public static byte[] Blake2b(ReadOnlySpan<byte> data, int bits)
    {
        var digest = new Blake2bDigest(bits);
        digest.BlockUpdate(data);
        var result = new byte[bits / 8];
        digest.DoFinal(result);
        return result;
    }

    public static byte[] Blake2b128(ReadOnlySpan<byte> data) => Blake2b(data, 128);
    public static byte[] Blake2b256(ReadOnlySpan<byte> data) => Blake2b(data, 256);
    public static byte[] Blake2b512(ReadOnlySpan<byte> data) => Blake2b(data, 512);
}

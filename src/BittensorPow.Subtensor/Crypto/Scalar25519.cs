namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// Arithmetic modulo the group order ℓ = 2^252 + 27742317777372353535851937790883648493, on 32-byte
/// little-endian scalars. Uses BigInteger, which is not constant-time: acceptable for a client that signs a
/// few extrinsics on the user's own machine, and noted as a known limitation.
/// </summary>
internal static class Scalar25519
{
    public static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    public static BigInteger FromBytes(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    public static bool IsCanonical(ReadOnlySpan<byte> littleEndian32) => littleEndian32.Length == 32 && FromBytes(littleEndian32) < L;

    public static byte[] ToBytes(BigInteger value)
    {
        var result = new byte[32];
        var reduced = value % L;
        if (reduced.Sign < 0) reduced += L;
        reduced.TryWriteBytes(result, out _, isUnsigned: true, isBigEndian: false);
        return result;
    }

    /// <summary>(a·b + c) mod ℓ, canonical bytes.</summary>
    public static byte[] MultiplyAdd(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c) =>
        ToBytes(FromBytes(a) * FromBytes(b) + FromBytes(c));

    public static byte[] Add(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => ToBytes(FromBytes(a) + FromBytes(b));
}

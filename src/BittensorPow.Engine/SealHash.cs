namespace BittensorPow.Engine;

/// <summary>
/// The hash both seals share: Keccak256(SHA-256(message)). The legacy seal (SPEC §1) and pow_register's (SPEC §10)
/// differ only in the message: the 40-byte pre-seal or the 131-byte payload.
/// </summary>
internal static class SealHash
{
    /// <summary>Allocation-free: writes the 32-byte seal of <paramref name="message"/> into <paramref name="seal"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> message, Span<byte> seal)
    {
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(message, sha);
        Keccak256.Hash(sha, seal);
    }
}

namespace BittensorPow.Engine;

/// <summary>
/// The registration seal (SPEC §1): bah = Keccak256(blockHash ‖ hotkey), once per block;
/// seal = Keccak256(SHA-256(u64_le(nonce) ‖ bah)). This is the reference path every back end is checked against.
/// </summary>
public static class Seal
{
    public const int Length = 32;
    public const int PreSealLength = 40;

    public static byte[] BlockAndHotkeyHash(ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey)
    {
        if (blockHash.Length != 32) throw new ArgumentException("A block hash is 32 bytes.", nameof(blockHash));
        if (hotkey.Length != 32) throw new ArgumentException("A hotkey public key is 32 bytes.", nameof(hotkey));
        Span<byte> input = stackalloc byte[64];
        blockHash.CopyTo(input);
        hotkey.CopyTo(input[32..]);
        return Keccak256.Hash(input);
    }

    public static void PreSeal(ReadOnlySpan<byte> blockAndHotkeyHash, ulong nonce, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, nonce);
        blockAndHotkeyHash[..32].CopyTo(destination[8..]);
    }

    /// <summary>Allocation-free: writes the 32-byte seal for <paramref name="nonce"/> into <paramref name="seal"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> blockAndHotkeyHash, ulong nonce, Span<byte> seal)
    {
        Span<byte> preSeal = stackalloc byte[PreSealLength];
        PreSeal(blockAndHotkeyHash, nonce, preSeal);
        SealHash.Compute(preSeal, seal);
    }

    public static byte[] Compute(ReadOnlySpan<byte> blockAndHotkeyHash, ulong nonce)
    {
        var seal = new byte[Length];
        Compute(blockAndHotkeyHash, nonce, seal);
        return seal;
    }
}

namespace BittensorPow.Engine;

/// <summary>
/// The reference path of the <c>pow_register</c> seal (SPEC §10): SHA-256 over the whole 131-byte payload, then
/// Keccak-256. Back ends are checked against it; the solver re-verifies every hit with it.
/// </summary>
public static class PowRegisterSeal
{
    public const int PayloadLength = 131;
    public const int PrefixLength = PayloadLength - sizeof(ulong);

    /// <summary>ASCII <c>subtensor-pow-register-v1</c>, payload bytes 0..24.</summary>
    public static ReadOnlySpan<byte> Tag => "subtensor-pow-register-v1"u8;

    /// <summary>Payload bytes 0..122: tag ‖ u16_le(netuid) ‖ block hash ‖ hotkey ‖ coldkey.</summary>
    public static byte[] Prefix(ushort netUid, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey)
    {
        if (blockHash.Length != 32 || hotkey.Length != 32 || coldkey.Length != 32)
            throw new ArgumentException("Block hash, hotkey and coldkey are 32 bytes each.");
        var prefix = new byte[PrefixLength];
        var rest = prefix.AsSpan();
        Tag.CopyTo(rest);
        rest = rest[Tag.Length..];
        BinaryPrimitives.WriteUInt16LittleEndian(rest, netUid);
        blockHash.CopyTo(rest[2..]);
        hotkey.CopyTo(rest[34..]);
        coldkey.CopyTo(rest[66..]);
        return prefix;
    }

    public static void Payload(ReadOnlySpan<byte> prefix, ulong nonce, Span<byte> destination)
    {
        prefix[..PrefixLength].CopyTo(destination);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[PrefixLength..], nonce);
    }

    /// <summary>Allocation-free: writes the 32-byte seal of <paramref name="nonce"/> into <paramref name="seal"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> prefix, ulong nonce, Span<byte> seal)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        Payload(prefix, nonce, payload);
        SealHash.Compute(payload, seal);
    }

    /// <summary>The tag as text, for messages and help.</summary>
    public static string TagText => Encoding.ASCII.GetString(Tag);
}

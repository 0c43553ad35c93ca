using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using BittensorPow.Engine.Hashing;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// pow_register's challenge (SPEC §10), written out here from the spec rather than taken from the engine so that the
/// DevNode checks the engine's solver independently: only the Keccak-256 primitive is shared. The seal is
/// Keccak256(SHA-256(payload)) over the 131-byte payload below; it passes when U256::from_little_endian(seal) · D
/// does not overflow.
/// </summary>
public static class PowRegisterSeal
{
    /// <summary>The domain tag the payload starts with.</summary>
    public static ReadOnlySpan<byte> Domain => "subtensor-pow-register-v1"u8;

    public const int PayloadLength = 131;

    private static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    /// <summary>domain ‖ u16_le(netuid) ‖ blockHash ‖ hotkey ‖ coldkey ‖ u64_le(nonce).</summary>
    public static byte[] Payload(ushort netuid, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey, ulong nonce)
    {
        if (blockHash.Length != 32 || hotkey.Length != 32 || coldkey.Length != 32)
            throw new ArgumentException("The block hash, hotkey and coldkey are 32 bytes each.");
        var payload = new byte[PayloadLength];
        Domain.CopyTo(payload);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(25), netuid);
        blockHash.CopyTo(payload.AsSpan(27));
        hotkey.CopyTo(payload.AsSpan(59));
        coldkey.CopyTo(payload.AsSpan(91));
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(123), nonce);
        return payload;
    }

    /// <summary>create_registration_seal: Keccak256(SHA-256(payload)).</summary>
    public static byte[] Compute(ushort netuid, ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ReadOnlySpan<byte> coldkey, ulong nonce)
        => Keccak256.Hash(SHA256.HashData(Payload(netuid, blockHash, hotkey, coldkey, nonce)));

    /// <summary>hash_meets_difficulty: U256::from_little_endian(seal) · D ≤ 2^256 − 1.</summary>
    public static bool MeetsDifficulty(ReadOnlySpan<byte> seal, ulong difficulty)
        => new BigInteger(seal, isUnsigned: true, isBigEndian: false) * difficulty <= Max;
}

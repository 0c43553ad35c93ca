using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using BittensorPow.Engine.Hashing;
using BittensorPow.Subtensor.Runtime;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The pallet's two work checks, written out here from SPEC §1–2 rather than taken from the engine, so that the
/// DevNode is an independent verifier of what the engine produces (only the Keccak-256 primitive is shared).
/// </summary>
public static class PowCheck
{
    private static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    /// <summary>create_seal_hash: Keccak256(SHA-256(u64_le(nonce) ‖ Keccak256(blockHash ‖ hotkey))).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> blockHash, ReadOnlySpan<byte> hotkey, ulong nonce)
    {
        byte[] bah = Keccak256.Hash([.. blockHash, .. hotkey]);
        Span<byte> preSeal = stackalloc byte[40];
        BinaryPrimitives.WriteUInt64LittleEndian(preSeal, nonce);
        bah.CopyTo(preSeal[8..]);
        return Keccak256.Hash(SHA256.HashData(preSeal));
    }

    /// <summary>hash_meets_difficulty: U256(work) · D does not overflow, U256 read in the runtime's byte order.</summary>
    public static bool MeetsDifficulty(ReadOnlySpan<byte> work32, ulong difficulty, SealRule rule)
        => new BigInteger(work32, isUnsigned: true, isBigEndian: rule == SealRule.BigEndian) * difficulty <= Max;

    /// <summary>vec_to_hash: the pallet turns work of any other length into the zero hash.</summary>
    public static byte[] WorkHash(byte[] work) => work.Length == 32 ? work : new byte[32];
}

using static BittensorPow.Engine.Hashing.Sha256Block;

namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// Everything of the seal (SPEC §1) that depends on the block template but not on the nonce, computed
/// once per <see cref="ISealSearcher.Prepare"/> and shared by every CPU width.
/// The SHA-256 message block is W0,W1 = nonce, W2..W9 = bah, W10 = 0x80000000, W11..W14 = 0, W15 = 320,
/// so round 0 reduces to two additions of W0, rounds 2..15 add constants, and the schedule words W16..W31
/// carry constant partial sums (<see cref="ScheduleConstant"/>).
/// </summary>
internal sealed class SealMidstate
{
    public static ReadOnlySpan<uint> K => Sha256Constants.K;

    public static ReadOnlySpan<uint> InitialState => Sha256Constants.InitialState;

    /// <summary>Keccak lane 4 after absorbing the 32-byte digest: the first pad byte 0x01.</summary>
    public const ulong PadLane4 = 0x01UL;

    /// <summary>Keccak lane 16 (last lane of the 136-byte rate): the final pad byte 0x80.</summary>
    public const ulong PadLane16 = 0x80UL << 56;

    public SealMidstate(LegacyChallenge challenge, Difficulty difficulty)
    {
        Threshold = difficulty.Threshold;
        ByteOrder = challenge.ByteOrder;

        Span<uint> w = stackalloc uint[16];
        ReadOnlySpan<byte> bah = challenge.BlockAndHotkeyHash;
        for (int i = 0; i < 8; i++) w[2 + i] = BinaryPrimitives.ReadUInt32BigEndian(bah[(4 * i)..]);
        w[10] = 0x80000000;
        w[15] = Seal.PreSealLength * 8;

        // Round 0: T1 = h + Σ1(e) + Ch(e,f,g) + K0 + W0 and T2 = Σ0(a) + Maj(a,b,c), all constant but W0.
        ReadOnlySpan<uint> iv = InitialState;
        uint t1 = iv[7] + BigSigma1(iv[4]) + Ch(iv[4], iv[5], iv[6]) + K[0];
        uint t2 = BigSigma0(iv[0]) + Maj(iv[0], iv[1], iv[2]);
        Round0A = t1 + t2;
        Round0E = iv[3] + t1;
        // Round 1 adds h = iv[6] (state shifted once) and K1 before W1.
        Round1H = iv[6] + K[1];

        var kw = new uint[16];
        for (int t = 2; t < 16; t++) kw[t] = K[t] + w[t];
        RoundConstant = kw;

        // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]; a term is constant when its index is 2..15.
        var sc = new uint[32];
        for (int t = 16; t < 32; t++)
        {
            uint c = 0;
            if (IsConstantWord(t - 2)) c += SmallSigma1(w[t - 2]);
            if (IsConstantWord(t - 7)) c += w[t - 7];
            if (IsConstantWord(t - 15)) c += SmallSigma0(w[t - 15]);
            if (IsConstantWord(t - 16)) c += w[t - 16];
            sc[t] = c;
        }
        ScheduleConstant = sc;
    }

    public SealThreshold Threshold { get; }
    public SealByteOrder ByteOrder { get; }

    /// <summary>The most significant 64 bits of the threshold: a seal whose top word exceeds it fails, the cheap early reject.</summary>
    public ulong TopThreshold => Threshold.T3;

    /// <summary>State word a after round 0, less W0.</summary>
    public uint Round0A { get; }

    /// <summary>State word e after round 0, less W0.</summary>
    public uint Round0E { get; }

    /// <summary>h + K1 of round 1, which only lacks W1.</summary>
    public uint Round1H { get; }

    /// <summary>K[t] + W[t] for the constant rounds t = 2..15 (entries 0, 1 unused).</summary>
    public uint[] RoundConstant { get; }

    /// <summary>For t = 16..31, the sum of the constant terms of W[t] (entries 0..15 unused).</summary>
    public uint[] ScheduleConstant { get; }

    /// <summary>W[t] for t = 2..15 comes from bah and the padding only.</summary>
    public static bool IsConstantWord(int t) => t is >= 2 and < 16;
}

using static BittensorPow.Engine.Hashing.Sha256Block;

namespace BittensorPow.Engine.Backends.Cpu;

/// <summary>
/// What the pow_register seal (SPEC §10) costs once per challenge and once per span, shared by every CPU width. SHA-256
/// of the 131-byte payload is three blocks: block 1 (bytes 0..63) is fixed per challenge; block 2 (64..127) ends with
/// nonce bytes 0..4, which in the search order (<see cref="PowRegisterChallenge.NonceAt"/>) are a position's top 40
/// bits, its span; block 3 holds nonce bytes 5..7 (the position's low 24 bits, its offset in the span), 0x80, zeros
/// and the length 1048, so only its W0 varies inside a span. Per challenge: block 1's output state. Per span
/// (<see cref="EnterSpan"/>): block 2's output state, round 0 of block 3 folded to two additions of W0, and round 1's
/// h + K1 (W1 is zero). The literals of rounds 1..63 are folded by the generator (SealXxx.g.cs, Sha256PowRegister).
/// A searcher owns its midstate, so one thread enters spans.
/// </summary>
internal sealed class PowRegisterMidstate
{
    /// <summary>Positions per span: the 2^24 values of nonce bytes 5..7.</summary>
    public const ulong SpanLength = 1UL << PowRegisterChallenge.SpanBits;

    /// <summary>A position's offset in its span: its low 24 bits.</summary>
    public const uint OffsetMask = (uint)(SpanLength - 1);

    // Nonce bytes 0..4 (the span, little-endian) are payload bytes 123..127, the last five bytes of block 2.
    private const int SpanBytesAt = PowRegisterSeal.PrefixLength - Sha256Block.Length;
    private const int SpanBytes = sizeof(ulong) - PowRegisterChallenge.SpanBits / 8;

    private readonly uint[] _block1State = new uint[8];
    private readonly byte[] _block2 = new byte[Sha256Block.Length];
    private bool _entered;

    public PowRegisterMidstate(PowRegisterChallenge challenge, Difficulty difficulty)
    {
        Threshold = difficulty.Threshold;
        ReadOnlySpan<byte> prefix = challenge.Prefix;
        Sha256Constants.InitialState.CopyTo(_block1State);
        Compress(_block1State, prefix[..Sha256Block.Length]);
        prefix[Sha256Block.Length..].CopyTo(_block2);
    }

    /// <summary>The pallet reads this seal little-endian, so the early reject looks at output lane 3.</summary>
    public SealThreshold Threshold { get; }

    /// <summary>The most significant 64 bits of the threshold: a seal whose top word exceeds it fails, the cheap early reject.</summary>
    public ulong TopThreshold => Threshold.T3;

    /// <summary>The span whose values are loaded (valid after the first <see cref="EnterSpan"/>).</summary>
    public ulong CurrentSpan { get; private set; }

    /// <summary>SHA-256 state after block 2 of the current span: where block 3 starts and what it is added to.</summary>
    public uint[] SpanState { get; } = new uint[8];

    /// <summary>Block 3's state word a after round 0, less W0.</summary>
    public uint Round0A { get; private set; }

    /// <summary>Block 3's state word e after round 0, less W0.</summary>
    public uint Round0E { get; private set; }

    /// <summary>h + K1 + W1 of block 3's round 1 (W1 = 0): all of that round's additions but Σ1 and Ch.</summary>
    public uint Round1H { get; private set; }

    /// <summary>The span of <paramref name="position"/>: its top 40 bits, nonce bytes 0..4.</summary>
    public static ulong SpanOf(ulong position) => position >> PowRegisterChallenge.SpanBits;

    /// <summary>
    /// Block 3's W0 at <paramref name="offset"/> (&lt; 2^24) in a span: nonce bytes 5..7 and the padding byte 0x80, read
    /// big-endian.
    /// </summary>
    public static uint Word0(uint offset) => BinaryPrimitives.ReverseEndianness(offset) | 0x80;

    /// <summary>Loads the values of <paramref name="span"/> (&lt; 2^40); nothing to do when it is the current one.</summary>
    public void EnterSpan(ulong span)
    {
        if (_entered && span == CurrentSpan) return;
        if (span >> (64 - PowRegisterChallenge.SpanBits) != 0)
            throw new ArgumentOutOfRangeException(nameof(span), span, "A span is a position's top 40 bits.");
        for (int i = 0; i < SpanBytes; i++) _block2[SpanBytesAt + i] = (byte)(span >> (8 * i));
        _block1State.CopyTo(SpanState);
        Compress(SpanState, _block2);

        // Round 0: T1 = h + Σ1(e) + Ch(e,f,g) + K0 + W0 and T2 = Σ0(a) + Maj(a,b,c), all per span but W0.
        ReadOnlySpan<uint> s = SpanState;
        uint t1 = s[7] + BigSigma1(s[4]) + Ch(s[4], s[5], s[6]) + Sha256Constants.K[0];
        Round0A = t1 + BigSigma0(s[0]) + Maj(s[0], s[1], s[2]);
        Round0E = s[3] + t1;
        // Round 1 adds h = s[6] (the state shifted once), K1 and W1 = 0.
        Round1H = s[6] + Sha256Constants.K[1];
        CurrentSpan = span;
        _entered = true;
    }
}

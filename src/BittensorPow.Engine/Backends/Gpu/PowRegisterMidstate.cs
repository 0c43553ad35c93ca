namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// The host's part of pow_register's seal (SPEC §10) on the GPU: SHA-256 over payload block 1 (bytes 0..63) once per
/// challenge, and over block 2 (bytes 64..127: the rest of the keys and the nonce's bytes 0..4) once per span of 2^24
/// positions, folded into <see cref="PowRegisterSpan"/>. A thread compresses only block 3.
/// </summary>
public sealed class PowRegisterMidstate
{
    private readonly PowRegisterChallenge _challenge;
    private readonly uint[] _afterBlock1 = new uint[8];

    public PowRegisterMidstate(PowRegisterChallenge challenge)
    {
        _challenge = challenge ?? throw new ArgumentNullException(nameof(challenge));
        // The kernel takes the nonce's bytes 5..7 (block 3) from the position's bytes 0..2: that is rotr(i, 24).
        if (challenge.NonceAt(0x0000_0102_0304_0506UL) != 0x0405_0600_0001_0203UL)
            throw new NotSupportedException("The GPU kernel assumes pow_register's search order rotr(i, 24).");
        Sha256Constants.InitialState.CopyTo(_afterBlock1);
        Sha256Compression.Compress(_afterBlock1, challenge.Prefix[..Sha256Compression.BlockLength]);
    }

    /// <summary>The parameters shared by every position whose top 40 bits are <paramref name="position"/>'s.</summary>
    public PowRegisterSpan SpanOf(ulong position)
    {
        const int b2 = Sha256Compression.BlockLength;
        Span<byte> payload = stackalloc byte[PowRegisterSeal.PayloadLength];
        PowRegisterSeal.Payload(_challenge.Prefix, _challenge.NonceAt(position), payload);
        Span<uint> state = stackalloc uint[8];
        _afterBlock1.CopyTo(state);
        Sha256Compression.Compress(state, payload[b2..(2 * b2)]);
        return PowRegisterSpan.FromState(state);
    }

    /// <summary>
    /// The word a thread byte-swaps into W0 of block 3: the position's bytes 0..2 (the nonce's bytes 5..7) and the
    /// padding byte 0x80 as byte 3. Adding a thread's index to a dispatch's value never carries into byte 3 (a
    /// dispatch stays inside its span), so W0 costs each thread one add and one byte swap.
    /// </summary>
    public static uint PaddedPosition(ulong position) => (uint)(position & (SpanDispatch.SpanLength - 1)) | 0x8000_0000u;
}

namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// The subset of STROBE-128 v1.0.2 that Merlin uses (meta-AD, AD, PRF, KEY), over Keccak-f[1600] with rate 166.
/// Hand-written: no package here provides STROBE, and Merlin transcripts (hence sr25519) are defined on it.
/// The state is secret once a witness is keyed in: <see cref="Clear"/> wipes it.
/// </summary>
internal sealed class Strobe128
{
    private const int Rate = 166; // 200 - 128/4 - 2
    private const byte FlagI = 1, FlagA = 2, FlagC = 4, FlagT = 8, FlagM = 16, FlagK = 32;

    private readonly ulong[] _lanes = new ulong[25];
    private int _pos;
    private int _posBegin;
    private byte _curFlags;

    private Span<byte> State => MemoryMarshal.AsBytes(_lanes.AsSpan());

    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        Debug.Assert(BitConverter.IsLittleEndian, "STROBE's byte view of the Keccak lanes assumes a little-endian machine.");
        var state = State;
        state[0] = 1; state[1] = Rate + 2; state[2] = 1; state[3] = 0; state[4] = 1; state[5] = 96;
        "STROBEv1.0.2"u8.CopyTo(state[6..]);
        KeccakF1600.Permute(_lanes);
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        other._lanes.CopyTo(_lanes, 0);
        _pos = other._pos;
        _posBegin = other._posBegin;
        _curFlags = other._curFlags;
    }

    public Strobe128 Clone() => new(this);

    public void MetaAd(ReadOnlySpan<byte> data, bool more) { BeginOp((byte)(FlagM | FlagA), more); Absorb(data); }
    public void Ad(ReadOnlySpan<byte> data, bool more) { BeginOp(FlagA, more); Absorb(data); }
    public void Prf(Span<byte> destination, bool more) { BeginOp((byte)(FlagI | FlagA | FlagC), more); Squeeze(destination); }
    public void Key(ReadOnlySpan<byte> data, bool more) { BeginOp((byte)(FlagA | FlagC), more); Overwrite(data); }

    public void Clear()
    {
        Array.Clear(_lanes);
        _pos = _posBegin = _curFlags = 0;
    }

    private void RunF()
    {
        var state = State;
        state[_pos] ^= (byte)_posBegin;
        state[_pos + 1] ^= 0x04;
        state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_lanes);
        _pos = 0;
        _posBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            State[_pos] ^= b;
            if (++_pos == Rate) RunF();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            State[_pos] = b;
            if (++_pos == Rate) RunF();
        }
    }

    private void Squeeze(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = State[_pos];
            State[_pos] = 0;
            if (++_pos == Rate) RunF();
        }
    }

    private void BeginOp(byte flags, bool more)
    {
        if (more)
        {
            if (flags != _curFlags) throw new InvalidOperationException("STROBE: a continued operation must keep its flags.");
            return;
        }
        if ((flags & FlagT) != 0) throw new NotSupportedException("STROBE transport operations are not used by Merlin.");
        int oldBegin = _posBegin;
        _posBegin = _pos + 1;
        _curFlags = flags;
        Absorb([(byte)oldBegin, flags]);
        // Cipher and key operations start on a fresh block.
        if ((flags & (FlagC | FlagK)) != 0 && _pos != 0) RunF();
    }
}

namespace BittensorPow.Subtensor.Scale;

/// <summary>Reads SCALE-encoded values from a byte buffer; throws <see cref="ScaleFormatException"/> on truncated input.</summary>
public ref struct ScaleReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ScaleReader(ReadOnlySpan<byte> data) { _data = data; _position = 0; }

    public int Position => _position;
    public int Remaining => _data.Length - _position;
    public bool AtEnd => _position >= _data.Length;

    public ReadOnlySpan<byte> Raw(int count)
    {
        if (count < 0 || count > Remaining)
            throw new ScaleFormatException($"Needed {count} bytes at offset {_position}, but only {Remaining} remain.");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    public byte U8() => Raw(1)[0];
    public bool Bool() => U8() switch
    {
        0 => false,
        1 => true,
        var b => throw new ScaleFormatException($"Invalid bool byte 0x{b:x2} at offset {_position - 1}."),
    };
    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Raw(2));
    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Raw(4));
    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Raw(8));
    public UInt128 U128() => BinaryPrimitives.ReadUInt128LittleEndian(Raw(16));

    public BigInteger CompactBig()
    {
        byte first = U8();
        switch (first & 3)
        {
            case 0: return first >> 2;
            case 1: return (first | (U8() << 8)) >> 2;
            case 2:
                _position--;
                return U32() >> 2;
            default:
                int length = (first >> 2) + 4;
                return new BigInteger(Raw(length), isUnsigned: true, isBigEndian: false);
        }
    }

    public ulong Compact()
    {
        var value = CompactBig();
        if (value > ulong.MaxValue) throw new ScaleFormatException($"Compact value {value} does not fit in 64 bits.");
        return (ulong)value;
    }

    /// <summary>
    /// A compact length or element count, checked against the bytes that are left: every element takes at least one
    /// byte, so a larger count is a lie, and callers may size buffers and loops by it.
    /// </summary>
    public int CompactLength()
    {
        ulong value = Compact();
        if (value > (ulong)Remaining)
            throw new ScaleFormatException($"Length {value} at offset {_position} is larger than the {Remaining} bytes left.");
        return (int)value;
    }

    public byte[] Bytes() => Raw(CompactLength()).ToArray();
    public string Str() => System.Text.Encoding.UTF8.GetString(Raw(CompactLength()));
}

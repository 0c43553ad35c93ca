namespace BittensorPow.Subtensor.Scale;

/// <summary>Appends SCALE-encoded values (little-endian fixed ints, compact ints, length-prefixed vectors).</summary>
public sealed class ScaleWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public int Length => _buffer.WrittenCount;
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public ScaleWriter Raw(ReadOnlySpan<byte> bytes) { _buffer.Write(bytes); return this; }
    public ScaleWriter U8(byte value) { _buffer.GetSpan(1)[0] = value; _buffer.Advance(1); return this; }
    public ScaleWriter Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public ScaleWriter U16(ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value); _buffer.Advance(2); return this; }
    public ScaleWriter U32(uint value) { BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value); _buffer.Advance(4); return this; }
    public ScaleWriter U64(ulong value) { BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value); _buffer.Advance(8); return this; }

    public ScaleWriter Compact(BigInteger value)
    {
        Span<byte> tmp = stackalloc byte[Scale.Compact.MaxEncodedLength];
        int n = Scale.Compact.Encode(value, tmp);
        return Raw(tmp[..n]);
    }

    public ScaleWriter Compact(ulong value) => Compact((BigInteger)value);

    /// <summary>A Vec&lt;u8&gt;: compact length, then the bytes.</summary>
    public ScaleWriter Bytes(ReadOnlySpan<byte> bytes) { Compact((ulong)bytes.Length); return Raw(bytes); }

    public ScaleWriter Str(string value) => Bytes(System.Text.Encoding.UTF8.GetBytes(value));

    public ScaleWriter Option<T>(T? value, Action<ScaleWriter, T> write) where T : struct
    {
        if (value is null) return U8(0);
        U8(1);
        write(this, value.Value);
        return this;
    }
}

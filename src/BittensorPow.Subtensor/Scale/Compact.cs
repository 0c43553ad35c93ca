namespace BittensorPow.Subtensor.Scale;

/// <summary>SCALE compact integers: single-byte, two-byte, four-byte and big-integer modes.</summary>
public static class Compact
{
    public const int MaxEncodedLength = 68;

    public static int Encode(BigInteger value, Span<byte> destination)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "Compact integers are unsigned.");
        if (value < 1 << 6) { destination[0] = (byte)((int)value << 2); return 1; }
        if (value < 1 << 14) { var v = (ushort)(((int)value << 2) | 1); destination[0] = (byte)v; destination[1] = (byte)(v >> 8); return 2; }
        if (value < 1 << 30)
        {
            uint v = ((uint)value << 2) | 2;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(destination, v);
            return 4;
        }
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        if (bytes.Length > 67) throw new ArgumentOutOfRangeException(nameof(value), "Compact integers hold at most 536 bits.");
        int length = Math.Max(bytes.Length, 4);
        destination[0] = (byte)(((length - 4) << 2) | 3);
        destination[1..(1 + length)].Clear();
        bytes.CopyTo(destination[1..]);
        return 1 + length;
    }

    public static byte[] Encode(BigInteger value)
    {
        Span<byte> tmp = stackalloc byte[MaxEncodedLength];
        return tmp[..Encode(value, tmp)].ToArray();
    }
}

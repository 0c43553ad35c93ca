namespace BittensorPow.Engine;

/// <summary>A 256-bit seal value as four 64-bit words, most significant first.</summary>
public readonly record struct SealValue(ulong W3, ulong W2, ulong W1, ulong W0)
{
    public static SealValue FromSeal(ReadOnlySpan<byte> seal, SealByteOrder order) => order == SealByteOrder.BigEndian
        ? new(BinaryPrimitives.ReadUInt64BigEndian(seal), BinaryPrimitives.ReadUInt64BigEndian(seal[8..]),
              BinaryPrimitives.ReadUInt64BigEndian(seal[16..]), BinaryPrimitives.ReadUInt64BigEndian(seal[24..]))
        : new(BinaryPrimitives.ReadUInt64LittleEndian(seal[24..]), BinaryPrimitives.ReadUInt64LittleEndian(seal[16..]),
              BinaryPrimitives.ReadUInt64LittleEndian(seal[8..]), BinaryPrimitives.ReadUInt64LittleEndian(seal));

    /// <summary>
    /// From the four Keccak output lanes (each the little-endian read of 8 seal bytes): big-endian reads
    /// byte-swap lanes 0..3, little-endian takes lanes 3..0 as they are.
    /// </summary>
    public static SealValue FromLanes(ulong lane0, ulong lane1, ulong lane2, ulong lane3, SealByteOrder order) => order == SealByteOrder.BigEndian
        ? new(BinaryPrimitives.ReverseEndianness(lane0), BinaryPrimitives.ReverseEndianness(lane1),
              BinaryPrimitives.ReverseEndianness(lane2), BinaryPrimitives.ReverseEndianness(lane3))
        : new(lane3, lane2, lane1, lane0);
}

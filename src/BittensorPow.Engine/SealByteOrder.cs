namespace BittensorPow.Engine;

/// <summary>
/// How the chain reads the 32-byte seal as a U256 (SPEC §2): big-endian up to spec 271,
/// little-endian from spec 272 until PoW was removed from <c>register</c> (spec 397).
/// </summary>
public enum SealByteOrder
{
    BigEndian,
    LittleEndian,
}

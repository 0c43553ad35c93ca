namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// Splits the 2^64 nonce ring into one contiguous range per host: host i of n starts at base + i·⌊2^64/n⌋ and the last
/// host takes the remainder, so the ranges are disjoint and cover the ring. The engine never leaves a range it is given.
/// </summary>
internal static class Partition
{
    /// <summary>Count null: the whole ring (one host).</summary>
    public static (ulong Start, ulong? Count)[] Split(ulong baseNonce, int hosts)
    {
        if (hosts == 1) return [(baseNonce, null)];
        ulong size = ulong.MaxValue / (ulong)hosts + (ulong.MaxValue % (ulong)hosts == (ulong)hosts - 1 ? 1UL : 0UL);
        var ranges = new (ulong, ulong?)[hosts];
        for (int i = 0; i < hosts; i++)
        {
            ulong offset = size * (ulong)i;
            ulong count = i == hosts - 1 ? unchecked(0UL - offset) : size;   // 2^64 − offset, the remainder
            ranges[i] = (unchecked(baseNonce + offset), count);
        }
        return ranges;
    }
}

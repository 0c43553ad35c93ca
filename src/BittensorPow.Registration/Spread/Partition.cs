namespace BittensorPow.Registration.Spread;

/// <summary>
/// Splits the 2^64 ring of search positions into one contiguous range per host: host i of n starts at base + i·⌊2^64/n⌋
/// and the last host takes the remainder, so the ranges are disjoint and cover the ring. The engine never leaves a range
/// it is given, and positions map one to one onto nonces, so the hosts' nonces are disjoint too.
/// </summary>
internal static class Partition
{
    /// <summary>Count null: the whole ring (one host).</summary>
    public static (ulong Start, ulong? Count)[] Split(ulong basePosition, int hosts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        if (hosts == 1) return [(basePosition, null)];
        ulong size = ulong.MaxValue / (ulong)hosts + (ulong.MaxValue % (ulong)hosts == (ulong)hosts - 1 ? 1UL : 0UL);
        var ranges = new (ulong, ulong?)[hosts];
        for (int i = 0; i < hosts; i++)
        {
            ulong offset = size * (ulong)i;
            ulong count = i == hosts - 1 ? unchecked(0UL - offset) : size;   // 2^64 − offset, the remainder
            ranges[i] = (unchecked(basePosition + offset), count);
        }
        return ranges;
    }
}

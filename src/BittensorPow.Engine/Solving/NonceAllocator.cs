namespace BittensorPow.Engine.Solving;

/// <summary>
/// Hands out disjoint ranges of positions in the challenge's search order (<see cref="Challenge.NonceAt"/>: the nonce
/// itself for the legacy seal, rotr(position, 24) for pow_register) to workers: one atomic add per round, never per
/// position. With one worker the ranges are consecutive, so the first hit is the smallest passing position ≥ the start.
/// With a <see cref="Count"/> it never hands out a position outside [Start, Start + Count) (mod 2^64): a spread search
/// gives each host such a partition, and no host may cross into another's. Positions map one to one onto nonces, so
/// disjoint positions are disjoint nonces.
/// </summary>
public sealed class NonceAllocator(ulong start, ulong? count = null)
{
    private long _taken;

    public ulong Start { get; } = start;

    /// <summary>Positions in this range; null: the whole 2^64 ring.</summary>
    public ulong? Count { get; } = count;

    /// <summary>False once the range is used up.</summary>
    public bool TryTake(ulong want, out ulong first, out ulong granted)
    {
        ulong offset = unchecked((ulong)Interlocked.Add(ref _taken, (long)want) - want);
        if (Count is { } limit)
        {
            // Offsets only grow, so a taker that overshot once sees every later offset past the end as well.
            if (offset >= limit || offset + want < offset) { first = 0; granted = 0; return false; }
            granted = Math.Min(want, limit - offset);
        }
        else granted = want;
        first = unchecked(Start + offset);
        return true;
    }

    public static ulong RandomStart() => (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63);
}

namespace BittensorPow.Engine.Solving;

/// <summary>
/// Hands out disjoint nonce ranges to workers: one atomic add per round, never per nonce. With one
/// worker the ranges are consecutive, so the first hit is the smallest passing nonce ≥ the start.
/// </summary>
public sealed class NonceAllocator(ulong start)
{
    private long _next = unchecked((long)start);

    public ulong Start { get; } = start;

    public ulong Take(ulong count) => unchecked((ulong)Interlocked.Add(ref _next, (long)count) - count);

    public static ulong RandomStart() => (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63);
}

namespace BittensorPow.Engine.Solving;

/// <summary>
/// Per-worker counters, each on its own 128-byte line so that workers never share a cache line
/// (no false sharing); only the owning worker writes, the statistics read.
/// </summary>
internal sealed class WorkerCounters(int workers)
{
    private const int Stride = 16; // 16 × 8 bytes = 128 bytes: two cache lines on x64, one on Apple silicon.
    private readonly long[] _slots = new long[(workers + 1) * Stride];

    public void Add(int worker, ulong nonces)
    {
        ref long tried = ref _slots[(worker + 1) * Stride];
        ref long rounds = ref _slots[(worker + 1) * Stride + 1];
        Volatile.Write(ref tried, tried + (long)nonces);
        Volatile.Write(ref rounds, rounds + 1);
    }

    public (ulong Nonces, ulong Rounds) Total()
    {
        long nonces = 0, rounds = 0;
        for (int w = 1; w <= workers; w++)
        {
            nonces += Volatile.Read(ref _slots[w * Stride]);
            rounds += Volatile.Read(ref _slots[w * Stride + 1]);
        }
        return ((ulong)nonces, (ulong)rounds);
    }
}

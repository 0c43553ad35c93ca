namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Sizes launches so that each runs about <see cref="Target"/>: long enough that launch overhead and the
/// host round trip vanish, short enough that cancellation and a new block are noticed quickly (and that
/// a display driver's watchdog never fires). Measures every launch and resizes; growth per step is
/// capped so that one unlucky fast measurement cannot produce a launch of many seconds.
/// </summary>
public sealed class LaunchSizer
{
    /// <summary>Offsets are recorded as ulong but indexed by int threads; 2^30 keeps every offset far from both limits.</summary>
    public const int MaxLaunch = 1 << 30;
    private const double MaxGrowth = 8.0;
    private const double Smoothing = 0.5;

    private readonly int _granule;
    private readonly int _min;
    private double _rate; // nonces per second, smoothed; 0 until the first measurement

    public LaunchSizer(int granule, int initial, TimeSpan target)
    {
        if (granule < 1) throw new ArgumentOutOfRangeException(nameof(granule), "The launch granule (threads per block) must be at least 1.");
        if (target <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(target), "The target launch time must be positive.");
        _granule = granule;
        _min = granule;
        Target = target;
        Next = Align(Math.Max(initial, granule));
    }

    public TimeSpan Target { get; }

    /// <summary>Nonces for the next launch: a multiple of the granule between one granule and <see cref="MaxLaunch"/>.</summary>
    public int Next { get; private set; }

    /// <summary>Smoothed nonces per second of the launches seen so far (0 before the first).</summary>
    public double Rate => _rate;

    public void Observe(int nonces, TimeSpan elapsed)
    {
        if (nonces <= 0 || elapsed <= TimeSpan.Zero) return;
        double rate = nonces / elapsed.TotalSeconds;
        _rate = _rate == 0 ? rate : Smoothing * rate + (1 - Smoothing) * _rate;
        double wanted = _rate * Target.TotalSeconds;
        double capped = Math.Min(wanted, (double)Next * MaxGrowth);
        Next = Align((long)Math.Clamp(capped, _min, MaxLaunch));
    }

    private int Align(long n)
    {
        long aligned = Math.Max(_granule, n / _granule * _granule);
        return (int)Math.Min(aligned, MaxLaunch / _granule * _granule);
    }
}

namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// One kernel dispatch of a pow_register launch: the positions [Start, Start + Count) inside one span (2^24 positions
/// that share SHA-256's block-2 state), <see cref="Offset"/> positions after the launch's first. A launch of n positions
/// from anywhere (mid-span, across 2^64) is one dispatch per span it touches, queued back to back and waited for once,
/// so every span's state reaches its threads as kernel parameters and no thread looks anything up.
/// </summary>
public readonly record struct SpanDispatch(ulong Start, int Count, int Offset)
{
    public const ulong SpanLength = 1UL << PowRegisterChallenge.SpanBits;

    /// <summary>The dispatches of the launch of <paramref name="count"/> positions from <paramref name="launchBase"/>, in order.</summary>
    public static IEnumerable<SpanDispatch> Plan(ulong launchBase, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int done = 0;
        while (done < count)
        {
            ulong start = unchecked(launchBase + (ulong)done);
            int n = (int)Math.Min((ulong)(count - done), SpanLength - (start & (SpanLength - 1)));
            yield return new SpanDispatch(start, n, done);
            done += n;
        }
    }
}

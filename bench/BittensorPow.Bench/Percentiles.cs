namespace BittensorPow.Bench;

/// <summary>Nearest-rank percentiles of measured milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

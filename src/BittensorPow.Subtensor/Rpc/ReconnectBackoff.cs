namespace BittensorPow.Subtensor.Rpc;

/// <summary>Exponential backoff: attempt 1 waits the initial delay, each further attempt doubles it, capped at the maximum.</summary>
public static class ReconnectBackoff
{
    public static TimeSpan DelayBefore(int attempt, TimeSpan initial, TimeSpan max)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt), "attempts count from 1");
        // Cap the exponent first so the shift can never overflow, whatever the attempt count.
        double factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        double ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

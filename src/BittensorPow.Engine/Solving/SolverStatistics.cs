namespace BittensorPow.Engine.Solving;

/// <summary>A snapshot of a solve, like btcli's RegistrationStatistics.</summary>
public sealed record SolverStatistics
{
    public required TimeSpan Elapsed { get; init; }
    public required ulong Rounds { get; init; }
    /// <summary>Seals computed: positions tried, whatever their nonces.</summary>
    public required ulong NoncesTried { get; init; }
    /// <summary>Seals per second, EWMA over the recent samples.</summary>
    public required double HashRate { get; init; }
    /// <summary>Seals per second over the whole solve.</summary>
    public required double HashRateAverage { get; init; }
    public required ulong Difficulty { get; init; }
    public required ulong BlockNumber { get; init; }
    public required byte[] BlockHash { get; init; }
    public required int Workers { get; init; }
    public required int BlocksSeen { get; init; }
    public required int DeviceFaults { get; init; }
    /// <summary>Workers waiting on the source's <see cref="WorkGate"/> (no valid work) at the moment of the snapshot.</summary>
    public int PausedWorkers { get; init; }
    /// <summary>From the latest new work being announced to the last worker moving onto it; null before any change.</summary>
    public TimeSpan? TemplateSwitchDelay { get; init; }
    /// <summary>
    /// The first position of this solve in the challenge's search order (the nonce itself for the legacy seal) and, for a
    /// partition of a spread search, how many positions it may try (null: no limit).
    /// </summary>
    public ulong NonceStart { get; init; }
    public ulong? NonceCount { get; init; }
    /// <summary>Mean time per round.</summary>
    public TimeSpan TimeAverage => Rounds == 0 ? TimeSpan.Zero : Elapsed * Workers / Rounds;
}

namespace BittensorPow.Engine.Solving;

public sealed record SolverOptions
{
    /// <summary>Positions per round between template checks (btcli's update_interval). Null: each searcher's preference.</summary>
    public ulong? UpdateInterval { get; init; }

    /// <summary>
    /// First position in the challenge's search order (<see cref="Challenge.NonceAt"/>; for the legacy seal the nonce
    /// itself). Null: a random 64-bit start, so that separate runs do not repeat work.
    /// </summary>
    public ulong? NonceStart { get; init; }

    /// <summary>How many positions from NonceStart this solve may try (a spread search's partition). Null: no limit.</summary>
    public ulong? NonceCount { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Samples kept for the hash-rate EWMA (btcli: n_samples = 10).</summary>
    public int HashRateSamples { get; init; } = 10;

    /// <summary>EWMA decay per older sample (btcli: alpha = 0.80).</summary>
    public double HashRateAlpha { get; init; } = 0.80;

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

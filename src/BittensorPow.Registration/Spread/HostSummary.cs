namespace BittensorPow.Registration.Spread;

/// <summary>One host of a finished spread search, as it last reported itself.</summary>
/// <param name="NonceCount">Positions in the host's range from <paramref name="NonceStart"/> (mod 2^64); null: the whole ring.</param>
public sealed record HostSummary(string Name, ulong NonceStart, ulong? NonceCount)
{
    /// <summary>True when the range is what the host's own engine reported, not only what it was sent.</summary>
    public bool RangeReported { get; init; }
    public ulong NoncesTried { get; init; }
    public double HashRate { get; init; }

    /// <summary>The block the host last said it was solving.</summary>
    public ulong? BlockNumber { get; init; }

    /// <summary>"Found", "Stopped", or why the host dropped out.</summary>
    public string State { get; init; } = "";
}

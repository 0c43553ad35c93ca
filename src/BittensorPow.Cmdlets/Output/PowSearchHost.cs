namespace BittensorPow.Cmdlets.Output;

/// <summary>One host of a spread search, as it last reported itself.</summary>
public sealed class PowSearchHost
{
    public string ComputerName { get; init; } = "";
    public ulong NonceStart { get; init; }
    /// <summary>Nonces in the host's range from NonceStart (mod 2^64); null: the whole ring.</summary>
    public ulong? NonceCount { get; init; }
    /// <summary>True when NonceStart/NonceCount are what the host's own engine reported, not only what it was sent.</summary>
    public bool RangeReported { get; init; }
    public ulong NoncesTried { get; init; }
    public double HashRate { get; init; }
    /// <summary>The block the host last said it was solving.</summary>
    public ulong? BlockNumber { get; init; }
    /// <summary>"Found", "Stopped" or why the host dropped out.</summary>
    public string State { get; init; } = "";

    internal static PowSearchHost From(HostSummary h) => new()
    {
        ComputerName = h.Name, NonceStart = h.NonceStart, NonceCount = h.NonceCount, RangeReported = h.RangeReported, NoncesTried = h.NoncesTried,
        HashRate = h.HashRate, BlockNumber = h.BlockNumber, State = h.State,
    };
}

namespace BittensorPow.Cmdlets.Output;

/// <summary>One host of a spread search, as it last reported itself.</summary>
public sealed class PowSearchHost
{
    public string ComputerName { get; init; } = "";
    public ulong NonceStart { get; init; }
    public ulong? NonceCount { get; init; }
    public bool RangeReported { get; init; }
    public ulong NoncesTried { get; init; }
    public double HashRate { get; init; }
    public ulong? BlockNumber { get; init; }
    public string State { get; init; } = "";

    internal static PowSearchHost From(HostSummary h) => new()
    {
        ComputerName = h.Name, NonceStart = h.NonceStart, NonceCount = h.NonceCount, RangeReported = h.RangeReported, NoncesTried = h.NoncesTried,
        HashRate = h.HashRate, BlockNumber = h.BlockNumber, State = h.State,
    };
}

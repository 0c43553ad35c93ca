namespace BittensorPow.Cmdlets.Output;

/// <summary>Measure-PowHashRate: seals per second of one back end.</summary>
public sealed class PowHashRate
{
    public string Backend { get; init; } = "";
    public SealScheme Scheme { get; init; }
    public int Threads { get; init; }
    public ulong Seals { get; init; }
    public TimeSpan Elapsed { get; init; }
    public double SealsPerSecond { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>Seals tried by <see cref="Threads"/> searchers of <see cref="Backend"/> in <see cref="Elapsed"/>.</summary>
public sealed record HashRateReport(string Backend, int Threads, SealScheme Scheme, ulong Seals, TimeSpan Elapsed)
{
    public double SealsPerSecond => Elapsed.TotalSeconds > 0 ? Seals / Elapsed.TotalSeconds : 0;
}

namespace BittensorPow.Registration.Spread;

/// <summary>One host's part in a running spread search: its assignment, which of its searches is current, what it last reported.</summary>
internal sealed class HostRun(ISpreadHost host, HostAssignment assignment)
{
    public ISpreadHost Host => host;
    public string Name => host.Name;
    public HostAssignment Assignment => assignment;

    /// <summary>Counts the host's searches: what an earlier one (before a restart) still reports counts only as lines.</summary>
    public int Search { get; set; }

    /// <summary>A search was started and has been neither stopped nor ended with the winning solution.</summary>
    public bool Running { get; set; }

    public bool Found { get; set; }

    /// <summary>Why the host dropped out; null while it takes part.</summary>
    public string? Failure { get; private set; }

    /// <summary>The error id the host's own search ended with, where it ended with one.</summary>
    public string? FailureId { get; private set; }

    /// <summary>What the current search last reported; null before its first report.</summary>
    public SolveReport? Last { get; private set; }

    public double HashRate => Last?.HashRate ?? 0;
    public ulong NoncesTried => Last?.NoncesTried ?? 0;

    public void Report(SolveReport report) => Last = report;

    public void Drop(string reason, string? errorId)
    {
        Failure = reason;
        FailureId = errorId;
    }

    public HostSummary Summary() => new(Name, Last?.NonceStart ?? Assignment.NonceStart, Last is { } r ? r.NonceCount : Assignment.NonceCount)
    {
        RangeReported = Last is not null, NoncesTried = NoncesTried, HashRate = HashRate, BlockNumber = Last?.BlockNumber,
        State = Found ? "Found" : Failure ?? "Stopped",
    };
}

namespace BittensorPow.Registration.Spread;

/// <summary>
/// A spread search's result: the winning solution (with its totals over every host), every host's part, and how quickly the
/// others stopped.
/// </summary>
/// <param name="StoppedIn">From the winning solution holding here to every other host's search having stopped.</param>
public sealed record SpreadOutcome(Solution Solution, IReadOnlyList<HostSummary> Hosts, TimeSpan StoppedIn);

namespace BittensorPow.Registration.Spread;

/// <summary>One search's events, queued for the coordinator's thread together with the search they came from.</summary>
internal sealed class HostMailbox(SpreadSearch coordinator, HostRun run, int search) : IHostEvents
{
    public void Said(string message, bool warning = false) => coordinator.Post(() => coordinator.OnSaid(run, message, warning));
    public void Reported(SolveReport report) => coordinator.Post(() => coordinator.OnReported(run, search, report));
    public void Found(Solution candidate) => coordinator.Post(() => coordinator.OnFound(run, search, candidate));
    public void Failed(string reason, string? errorId = null) => coordinator.Post(() => coordinator.OnFailed(run, search, reason, errorId));
}

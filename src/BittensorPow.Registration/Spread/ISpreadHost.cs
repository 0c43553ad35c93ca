namespace BittensorPow.Registration.Spread;

/// <summary>
/// One host of a spread search as the coordinator (<see cref="SpreadSearch"/>) sees it: it gets ready, searches a range of
/// positions for a target, tells what it sees through <see cref="IHostEvents"/>, and stops when asked. The cmdlets implement
/// it over a PowerShell remoting session; the tests with scripted fakes.
/// </summary>
public interface ISpreadHost
{
    /// <summary>How lines, warnings and errors name the host ("host", or "host:port" off the default port).</summary>
    string Name { get; }

    /// <summary>
    /// Gets the host ready to search (its session open, the module loaded there). Every host is made ready before any starts,
    /// so they start alike and a host that cannot search is reported even when another solves at once. Called again for
    /// each search of the same plan (a stale solution online is searched for again): what a host opened, it keeps. Ctrl+C
    /// cancels <paramref name="cancellation"/>, and the coordinator stops waiting at once.
    /// </summary>
    /// <returns>Null when ready; else why the host cannot search (it never faults).</returns>
    Task<string?> PrepareAsync(CancellationToken cancellation);

    /// <summary>
    /// Starts a search of <paramref name="assignment"/> and returns at once. Until it is stopped, everything the search has
    /// to say goes to <paramref name="events"/>, from any thread: its lines, its numbers, one solution, or why it ended
    /// without one. Called again once a search has ended or been stopped (a stale solution is searched for again).
    /// </summary>
    void Start(HostAssignment assignment, IHostEvents events);

    /// <summary>Asks the search to stop; completes (and never faults) once it has stopped or has nothing left to stop.</summary>
    Task StopAsync();
}

namespace BittensorPow.Registration;

/// <summary>
/// Every Write-Progress activity id the module uses, in one place: a spread search's coordinator shows its own line
/// beside (never over) the hosts' solving lines, and scripts filter by these numbers.
/// </summary>
public enum ProgressActivity
{
    Solving = 1,
    SpreadSearch = 2,
    Submitting = 3,
    MeasuringHashRate = 4,
    WaitingForPow = 5,
}

using BittensorPow.Registration.Spread;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>One search started on a <see cref="FakeHost"/>: what it was asked, where it reports, and whether it was stopped.</summary>
public sealed class FakeSearch(HostAssignment assignment, IHostEvents events, int index)
{
    private readonly CancellationTokenSource _stop = new();

    public HostAssignment Assignment => assignment;
    public IHostEvents Events => events;

    /// <summary>0 for the host's first search, 1 once it was started again, …</summary>
    public int Index => index;

    public CancellationToken Stopped => _stop.Token;

    internal void Stop() => _stop.Cancel();
}

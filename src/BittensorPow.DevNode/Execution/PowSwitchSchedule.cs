namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Switches still to come. Kept by the server, not the runtime, so a runtime upgrade does not forget them; the block
/// step takes the ones due as each block starts.
/// </summary>
public sealed class PowSwitchSchedule
{
    private readonly object _lock = new();
    private readonly List<PowSwitch> _pending = [];

    public void Add(PowSwitch change)
    {
        lock (_lock) _pending.Add(change);
    }

    public IReadOnlyList<PowSwitch> Pending { get { lock (_lock) return [.. _pending]; } }

    /// <summary>Removes and returns the switches due in block <paramref name="blockNumber"/> (and any overdue), in the order given.</summary>
    public IReadOnlyList<PowSwitch> TakeDue(ulong blockNumber)
    {
        lock (_lock)
        {
            var due = _pending.Where(p => p.AtBlock <= blockNumber).ToList();
            _pending.RemoveAll(due.Contains);
            return due;
        }
    }
}

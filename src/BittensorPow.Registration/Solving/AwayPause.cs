namespace BittensorPow.Registration.Solving;

/// <summary>
/// For one solve: while the node is away no head arrives, yet the chain goes on making blocks. Once the blocks made at
/// the pace seen so far have taken the work out of the chain's window, the workers pause (the source's gate closes)
/// rather than hash work that can no longer be submitted; before two heads have shown the pace, they pause at once.
/// When the node is back, its next head — whatever its number — becomes the work and the workers go on.
/// </summary>
public sealed class AwayPause : IDisposable
{
    private readonly HeadTemplateSource _source;
    private readonly NodeWatch _node;
    private readonly Timer _timer;

    public AwayPause(HeadTemplateSource source, NodeWatch node)
    {
        _source = source;
        _node = node;
        _timer = new Timer(_ => Check());
        node.Dropped += OnDropped;
        node.Reconnected += source.ExpectRebase;
        if (node.IsAway) OnDropped();
    }

    private void OnDropped()
    {
        try { _timer.Change(_source.StaleIn() ?? TimeSpan.Zero, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { } // the solve ended as the connection dropped
    }

    private void Check()
    {
        if (!_node.IsAway) return;
        var left = _source.StaleIn();
        if (left > TimeSpan.Zero) { OnDropped(); return; } // newer work came in meanwhile
        var work = _source.Current;
        string pace = _source.BlockTime is { } t
            ? $"at the chain's pace ({t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s a block) " +
                $"block #{work.BlockNumber}'s work has left its window"
            : $"no pace is known yet to say block #{work.BlockNumber}'s work is still inside its window";
        _source.Pause($"The node has been away {_node.AwayFor.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s " +
            $"and {pace}: the workers pause, hashing nothing, until it is back.");
    }

    public void Dispose()
    {
        _node.Dropped -= OnDropped;
        _node.Reconnected -= _source.ExpectRebase;
        _timer.Dispose();
    }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// One -TimeoutSec for a whole span of work — connecting, every RPC, solving, submitting, waiting for inclusion — rather
/// than one per step, so that a node that accepts connections but never answers cannot stretch the span past it. The
/// work says which phase it is in (<see cref="Enter"/>), and running out names that phase.
/// </summary>
public sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _user;
    private readonly TimeSpan? _limit;
    private readonly string _bounds;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _spentBefore;
    private Phase _current = new("starting", ErrorIds.RpcTimeout);
    private PowException? _raised;

    /// <param name="limit">Null: no limit, only the user's cancellation.</param>
    /// <param name="spentBefore">Time this span already used before it was created (connecting, for a first attempt).</param>
    /// <param name="bounds">What the limit bounds, for the advice ("the whole call", "each attempt").</param>
    public CallDeadline(TimeSpan? limit, CancellationToken user, TimeSpan spentBefore = default, string bounds = "the whole call")
    {
        _user = user;
        _limit = limit;
        _bounds = bounds;
        _spentBefore = spentBefore;
        _source = CancellationTokenSource.CreateLinkedTokenSource(user);
        if (limit is { } l) _source.CancelAfter(Max(l - spentBefore, TimeSpan.FromMilliseconds(1)));
    }

    public CancellationToken Token => _source.Token;

    /// <summary>
    /// The node this span talks to: while it is away, running out is NodeLost (the node is gone), not a timeout of the
    /// phase; and the phase says what the work was doing when the connection dropped.
    /// </summary>
    public Chain.NodeWatch? Node
    {
        get => _node;
        set
        {
            _node = value;
            if (value is not null) value.Deadline = this;
        }
    }

    private Chain.NodeWatch? _node;

    /// <summary>The phase the work is in now.</summary>
    public string PhaseName => Volatile.Read(ref _current).Name;

    /// <summary>Time the span has used, including <c>spentBefore</c>.</summary>
    public TimeSpan Elapsed => _spentBefore + _clock.Elapsed;

    private bool Expired => _source.IsCancellationRequested && !_user.IsCancellationRequested;

    /// <summary>
    /// Names the phase the work is in now (called from any thread); <paramref name="id"/> is the error id if the limit runs
    /// out in it (RpcTimeout, PowSolveTimeout, SubmissionTimeout).
    /// </summary>
    public void Enter(string phase, string id = ErrorIds.RpcTimeout) => Volatile.Write(ref _current, new Phase(phase, id));

    /// <summary>Stops the clock while a person is asked (ShouldProcess, a password): their time is not the node's.</summary>
    public IDisposable Paused()
    {
        _clock.Stop();
        if (_limit is not null && !_source.IsCancellationRequested) _source.CancelAfter(Timeout.InfiniteTimeSpan);
        return new Resume(this);
    }

    private sealed class Resume(CallDeadline deadline) : IDisposable
    {
        public void Dispose()
        {
            deadline._clock.Start();
            if (deadline._limit is { } l && !deadline._source.IsCancellationRequested)
                deadline._source.CancelAfter(Max(l - deadline.Elapsed, TimeSpan.FromMilliseconds(1)));
        }
    }

    /// <summary>What the work is doing, and the error id if the limit runs out in it; one reference, swapped whole.</summary>
    private sealed record Phase(string Name, string Id);

    /// <summary>Runs one phase; when the deadline passes inside it, the error names the phase.</summary>
    public T Run<T>(string phase, string id, Func<CancellationToken, T> step)
    {
        Enter(phase, id);
        return Run(step);
    }

    /// <summary>
    /// Runs work that names its own phases with <see cref="Enter"/>; when the deadline passes, the error names the last one entered.
    /// </summary>
    public T Run<T>(Func<CancellationToken, T> step)
    {
        try { return step(Token); }
        // One raised by a nested Run already names the phase.
        catch (Exception ex) when (Expired && ex is OperationCanceledException or PowException or AggregateException && !ReferenceEquals(ex, _raised)
            && ex is not PowException { Error.Id: ErrorIds.NodeLost })
        {
            var (phase, id) = Volatile.Read(ref _current);
            string ranOut = $"-TimeoutSec {_limit!.Value.TotalSeconds:0.###} ran out";
            _raised = _node is { IsAway: true } node
                ? node.Gone(ranOut, id == ErrorIds.SubmissionTimeout ? SubmittedMayLand : null, ex)
                : new PowException(new PowError(id, PowErrorCategory.OperationTimeout, phase,
                    $"{ranOut} while {phase}.", Advice(id))
                { Inner = ex, Scope = PowErrorScope.Pipeline });
            throw _raised;
        }
    }

    /// <summary>Said of a transaction sent before the node went away: it may have reached the pool.</summary>
    internal const string SubmittedMayLand =
        "A transaction sent before the drop may still be included: check with Get-SubtensorBlock or a block explorer before submitting again.";

    private string Advice(string id) => id switch
    {
        ErrorIds.PowSolveTimeout => $"Raise -TimeoutSec (it bounds {_bounds}, connecting included), or solve on a faster back end (-Cuda).",
        ErrorIds.PowWaitTimeout
            => "Raise -TimeoutSec (with -WaitForPow it bounds the wait), or pick a subnet open now: Get-SubtensorSubnet -PowOpen.",
        ErrorIds.SubmissionTimeout => $"It may still be included: check a block explorer before submitting again (-TimeoutSec bounds {_bounds}).",
        _ => $"Check the endpoint (a node's WebSocket port), or raise -TimeoutSec (it bounds {_bounds}, connecting included).",
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public void Dispose() => _source.Dispose();
}

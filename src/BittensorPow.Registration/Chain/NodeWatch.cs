namespace BittensorPow.Registration.Chain;

/// <summary>
/// Whether the session's node is there. The RPC client reconnects by itself (capped backoff, for the reconnect limit);
/// this turns its connection events into what the workflows need: a warning the moment the connection drops, naming
/// the node and what the work was doing (<see cref="Doing"/>); <see cref="Dropped"/> and <see cref="Reconnected"/> for
/// the solve's template source; and, when the client gives up, <see cref="LostToken"/> cancelled and the NodeLost error
/// (<see cref="Gone"/>). Events come on the client's thread; the lines wait in queues until the workflow's thread
/// writes them (<see cref="Speak"/>).
/// </summary>
public sealed class NodeWatch : IDisposable
{
    private readonly IRpcClient _rpc;
    private readonly string _endpoint;
    private readonly CancellationTokenSource _lost = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<string> _verbose = new();
    private readonly object _gate = new();
    private long _awaySince;
    private string _doingWhenDropped = "";
    private Func<string>? _doing;

    public NodeWatch(IRpcClient rpc, string endpoint)
    {
        _rpc = rpc;
        _endpoint = Hex.Shorten(endpoint);
        rpc.ConnectionChanged += OnConnection;
    }

    /// <summary>How long the client goes on reconnecting after a drop (for messages; the client enforces it).</summary>
    public TimeSpan? ReconnectLimit { get; set; }

    /// <summary>The span's deadline, whose phase says what the work is doing when nothing more precise does.</summary>
    internal Workflows.CallDeadline? Deadline { get; set; }

    /// <summary>True from a drop until the connection is back (and for good once the client gave up).</summary>
    public bool IsAway => Interlocked.Read(ref _awaySince) != 0;

    /// <summary>Time since the connection dropped; zero while connected.</summary>
    public TimeSpan AwayFor => Interlocked.Read(ref _awaySince) is var since and not 0 ? Stopwatch.GetElapsedTime(since) : TimeSpan.Zero;

    /// <summary>The client gave up reconnecting: the node is gone for this session.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Cancelled when the client gives up reconnecting.</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>Raised on the client's thread when the connection drops.</summary>
    public event Action? Dropped;

    /// <summary>Raised on the client's thread when the connection is back after a drop (subscriptions are being renewed).</summary>
    public event Action? Reconnected;

    /// <summary>
    /// Says what the work is doing (read when the connection drops, from the client's thread) until the result is
    /// disposed; then the previous description applies again.
    /// </summary>
    public IDisposable Doing(Func<string> describe)
    {
        var previous = Interlocked.Exchange(ref _doing, describe);
        return new Restore(this, describe, previous);
    }

    private sealed class Restore(NodeWatch watch, Func<string> mine, Func<string>? previous) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref watch._doing, previous, mine);
    }

    private string DescribeDoing()
    {
        try { return Volatile.Read(ref _doing)?.Invoke() ?? Deadline?.PhaseName ?? "waiting for the node"; }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { return "working"; }
    }

    private void OnConnection(ConnectionEvent e)
    {
        switch (e.Kind)
        {
            case ConnectionEventKind.Disconnected:
                string doing = DescribeDoing();
                lock (_gate)
                {
                    if (IsAway) return;
                    _doingWhenDropped = doing;
                    Interlocked.Exchange(ref _awaySince, Stopwatch.GetTimestamp());
                }
                string limit = ReconnectLimit is { } l ? $" for up to {Seconds(l)} s (-ReconnectLimitSec)" : "";
                _warnings.Enqueue($"Lost the connection to {_endpoint} ({Reason(e.Text)}) while {doing}. Reconnecting{limit}.");
                Dropped?.Invoke();
                break;
            case ConnectionEventKind.Connected:
                TimeSpan away;
                lock (_gate)
                {
                    if (!IsAway || IsLost) return;
                    away = AwayFor;
                    Interlocked.Exchange(ref _awaySince, 0);
                }
                _verbose.Enqueue($"Reconnected to {_endpoint} after {Seconds(away)} s away; following its head again.");
                Reconnected?.Invoke();
                break;
            case ConnectionEventKind.GaveUpReconnecting:
                _lost.Cancel();
                break;
            case ConnectionEventKind.Reconnecting or ConnectionEventKind.ConnectAttemptFailed:
                _verbose.Enqueue($"Node away: {e.Text}.");
                break;
        }
    }

    private static string Reason(string text) => text.StartsWith("disconnected: ", StringComparison.Ordinal) ? text["disconnected: ".Length..] : text;

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes what happened to the connection since the last call; only from the workflow's thread.</summary>
    public void Speak(IWorkflowOutput output)
    {
        while (_warnings.TryDequeue(out var warning)) output.Warning(warning);
        while (_verbose.TryDequeue(out var line)) output.Verbose(line);
    }

    /// <summary>
    /// NodeLost: the node went away and did not come back, within the reconnect limit (<paramref name="ranOut"/> null)
    /// or before something else ran out (a -TimeoutSec: "-TimeoutSec 5 ran out").
    /// </summary>
    /// <param name="after">What that meant for the work, e.g. that a submitted transaction may still be included.</param>
    public PowException Gone(string? ranOut = null, string? after = null, Exception? inner = null)
    {
        string doing = _doingWhenDropped is { Length: > 0 } d ? d : DescribeDoing();
        string limit = ReconnectLimit is { } l ? $"the reconnect limit of {Seconds(l)} s" : "the reconnect attempts";
        string why = ranOut is null
            ? $"it did not come back within {limit}"
            : $"{ranOut} while it was away ({Seconds(AwayFor)} s)";
        string message = $"The node at {_endpoint} is gone: the connection dropped while {doing}, and {why}.{(after is null ? "" : " " + after)}";
        return new PowException(new PowError(ErrorIds.NodeLost, PowErrorCategory.ConnectionError, _endpoint, message,
            $"Check that the node at {_endpoint} runs and is reachable, then retry; -ReconnectLimitSec waits longer for restarts.")
        { Inner = inner, Scope = PowErrorScope.Pipeline });
    }

    /// <summary>Stops listening; <see cref="LostToken"/> stays usable (its source holds no timer, so nothing is leaked).</summary>
    public void Dispose() => _rpc.ConnectionChanged -= OnConnection;
}

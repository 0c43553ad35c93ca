namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// One logical subscription. It outlives connections: after a reconnect the client subscribes again and binds the
/// node's new subscription id to this object. Notifications go through a queue to one pump task, so a slow handler
/// delays only its own subscription (never the receive loop) and sees notifications in arrival order.
/// </summary>
internal sealed class RpcSubscription : IAsyncDisposable
{
    private readonly Channel<JsonElement> _queue = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<JsonElement> _handler;
    private readonly Action<ConnectionEventKind, string, string?> _report;
    private readonly Func<RpcSubscription, Task> _unsubscribe;
    private readonly Task _pump;
    private int _disposed;

    public RpcSubscription(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> handler, Action<ConnectionEventKind, string, string?> report, Func<RpcSubscription, Task> unsubscribe)
    {
        SubscribeMethod = subscribeMethod;
        Parameters = parameters.ToArray();
        UnsubscribeMethod = unsubscribeMethod;
        _handler = handler;
        _report = report;
        _unsubscribe = unsubscribe;
        _pump = Task.Run(PumpAsync);
    }

    public string SubscribeMethod { get; }
    public IReadOnlyList<object?> Parameters { get; }
    public string UnsubscribeMethod { get; }

    /// <summary>The node's id for this subscription on the current connection; null while not (re)subscribed.</summary>
    public string? ServerId { get; set; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Deliver(JsonElement result) => _queue.Writer.TryWrite(result);

    private async Task PumpAsync()
    {
        await foreach (var result in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                _handler(result);
            }
            catch (Exception e)
            {
                // A faulty handler must not end the subscription or the client; say so and go on.
                _report(ConnectionEventKind.HandlerFailed, $"{SubscribeMethod} handler threw {e.GetType().Name}: {e.Message}", SubscribeMethod);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _unsubscribe(this).ConfigureAwait(false);
        }
        finally
        {
            _queue.Writer.TryComplete();
            // The pump only waits for queued handler calls; bound it anyway in case a handler blocks.
            await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
    }
}

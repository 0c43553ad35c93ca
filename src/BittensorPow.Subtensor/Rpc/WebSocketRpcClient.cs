namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// JSON-RPC 2.0 over one WebSocket: calls are matched to replies by id, any number may be in flight, one receive loop
/// reads every message and a lock serialises sends. When the socket drops the client reconnects with exponential
/// backoff and subscribes again.
/// <para>
/// Calls in flight when the socket drops fail with <see cref="RpcErrorKind.ConnectionFailed"/> and are NOT retried:
/// the node may already have executed them (a submitted extrinsic), so only the caller can decide to repeat one.
/// Calls made while the client is reconnecting wait for the new connection within their own timeout, or, with
/// <see cref="RpcClientOptions.ReconnectLimit"/>, until the client is back or has given up.
/// </para>
/// </summary>
public sealed class WebSocketRpcClient : IRpcClient
{
    private readonly RpcClientOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCall> _pending = new(StringComparer.Ordinal);
    private readonly SubscriptionRouter _router;
    private readonly CancellationTokenSource _life = new();
    private readonly object _stateLock = new();
    private TaskCompletionSource<ClientWebSocket> _connected = NewConnectedSource();
    private ClientWebSocket? _socket;
    private Task _supervisor = Task.CompletedTask;
    private long _nextId;
    private int _disposed;
    /// <summary>The last message that was not JSON-RPC and named no call: it explains what happens next to the calls then waiting.</summary>
    private MalformedMessage? _malformed;

    private WebSocketRpcClient(Uri endpoint, RpcClientOptions options)
    {
        Endpoint = endpoint;
        _options = options;
        _router = new SubscriptionRouter(options.MaxEarlyNotifications);
    }

    public Uri Endpoint { get; }

    /// <summary>The endpoint as messages show it: user-info masked, and cut so that a 20,000-character URL is not echoed whole.</summary>
    private string ShownEndpoint => Chain.Text.EndpointDisplay.Show(Endpoint.OriginalString);

    public event Action<ConnectionEvent>? ConnectionChanged;

    /// <summary>True while a socket is open (false while reconnecting and after giving up).</summary>
    public bool IsConnected => _connected.Task.IsCompletedSuccessfully;

    /// <summary>Connects (retrying per <see cref="RpcClientOptions.ConnectAttempts"/>) and starts the receive loop.</summary>
    /// <exception cref="RpcException">BadEndpoint for a URL that is not ws/wss with a host; ConnectionFailed when every attempt failed.</exception>
    public static async Task<WebSocketRpcClient> ConnectAsync(
        Uri endpoint, RpcClientOptions? options = null, CancellationToken cancellation = default)
    {
        RpcEndpoint.Validate(endpoint);
        options ??= new RpcClientOptions();
        options.Validate();
        var client = new WebSocketRpcClient(endpoint, options);
        var socket = await client.ConnectWithRetriesAsync(
                options.ConnectAttempts, "connect", cancellation, definitiveEnds: true).ConfigureAwait(false)
            ?? throw new OperationCanceledException(cancellation);
        client._supervisor = Task.Run(() => client.SuperviseAsync(socket));
        return client;
    }

    /// <inheritdoc cref="ConnectAsync(Uri, RpcClientOptions?, CancellationToken)"/>
    public static Task<WebSocketRpcClient> ConnectAsync(string endpoint, RpcClientOptions? options = null, CancellationToken cancellation = default)
        => ConnectAsync(RpcEndpoint.Parse(endpoint), options, cancellation);

    public Task<JsonElement> CallAsync(
        string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default, TimeSpan? timeout = null)
        => CallCoreAsync(method, parameters, onResult: null, cancellation, timeout);

    public async Task<IAsyncDisposable> SubscribeAsync(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> onNotification, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(onNotification);
        var subscription = new RpcSubscription(subscribeMethod, parameters, unsubscribeMethod, onNotification, Report, UnsubscribeAsync);
        _router.Add(subscription);
        try
        {
            await SubscribeOnCurrentConnectionAsync(subscription, cancellation).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            _router.Remove(subscription);
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task SubscribeOnCurrentConnectionAsync(RpcSubscription subscription, CancellationToken cancellation)
        // Binding happens on the receive loop as the reply is read, before any later message, so no notification
        // that follows the reply can be missed; ones that came before it wait in the router.
        => CallCoreAsync(subscription.SubscribeMethod, subscription.Parameters, result =>
        {
            var id = RpcIncomingMessage.IdText(result)
                ?? throw new RpcException(RpcErrorKind.MalformedReply,
                    $"{subscription.SubscribeMethod} returned {PeerText.Quote(result.GetRawText())}, not a subscription id.");
            if (!subscription.IsDisposed) _router.Bind(subscription, id);
        }, cancellation, timeout: null);

    private async Task UnsubscribeAsync(RpcSubscription subscription)
    {
        string? serverId = subscription.ServerId;
        _router.Remove(subscription);
        if (serverId is null || Volatile.Read(ref _disposed) != 0 || !IsConnected) return;
        try
        {
            await CallAsync(subscription.UnsubscribeMethod, [serverId], timeout: TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            // The subscription is gone on our side either way; the node drops it when the socket closes.
            Report(ConnectionEventKind.UnsubscribeFailed, $"{subscription.UnsubscribeMethod} failed: {e.Message}", subscription.UnsubscribeMethod);
        }
    }

    private async Task<JsonElement> CallCoreAsync(string method, IReadOnlyList<object?> parameters, Action<JsonElement>? onResult,
        CancellationToken cancellation, TimeSpan? timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var limit = timeout ?? _options.CallTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _life.Token);
        // With a reconnect limit the wait for a connection is bounded by it (the client gives up then), not by the call's.
        bool waitsForReconnect = _options.ReconnectLimit is not null;
        if (!waitsForReconnect) deadline.CancelAfter(limit);

        string id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = new PendingCall(method, onResult);
        try
        {
            var socket = await _connected.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            if (waitsForReconnect) deadline.CancelAfter(limit);
            byte[] request = RpcRequestWriter.Write(id, method, parameters);
            _pending[id] = call;
            await SendAsync(socket, request, method, deadline.Token).ConfigureAwait(false);
            return await call.Reply.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(WebSocketRpcClient), $"The client for {ShownEndpoint} was disposed while {method} was waiting.");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            if (MalformedSince(call) is { } bad)
                throw new RpcException(RpcErrorKind.MalformedReply,
                    $"{ShownEndpoint} sent a malformed message while {method} waited for its reply, " +
                    $"and no reply came within {limit.TotalSeconds:0.###} s: {bad.Problem}");
            string waitedFor = IsConnected ? "got no reply from" : "found no connection to";
            throw new RpcException(RpcErrorKind.Timeout, $"{method} {waitedFor} {ShownEndpoint} within {limit.TotalSeconds:0.###} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, string method, CancellationToken cancellation)
    {
        await _sendLock.WaitAsync(cancellation).ConfigureAwait(false);
        Task send;
        try
        {
            // Only the client's life reaches the socket: ClientWebSocket aborts the whole connection when a send's token
            // is cancelled mid-frame, and one caller's deadline must not take down what every call and subscription
            // shares. The caller stops waiting at its deadline; the frame goes on, and the lock is held until it is out.
            send = socket.SendAsync(new ArraySegment<byte>(message), WebSocketMessageType.Text, endOfMessage: true, _life.Token);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            _sendLock.Release();
            throw Lost(method, e);
        }
        // A small request is usually out at once; only one still being sent needs a continuation to let go of the lock.
        if (send.IsCompleted) _sendLock.Release();
        else _ = send.ContinueWith(static (sent, client) =>
        {
            _ = sent.Exception; // observed here: its caller may have stopped waiting
            ((WebSocketRpcClient)client!)._sendLock.Release();
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await send.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException
            || (e is OperationCanceledException && !cancellation.IsCancellationRequested && !_life.IsCancellationRequested))
        {
            // An aborted socket fails sends with OperationCanceledException even though no token was cancelled.
            throw Lost(method, e);
        }
    }

    private RpcException Lost(string method, Exception e) =>
        new(RpcErrorKind.ConnectionFailed, $"Could not send {method} to {ShownEndpoint}: the connection was lost ({e.Message}).", inner: e);

    /// <summary>Owns the connection for the client's life: receive until the socket drops, reconnect, resubscribe, repeat.</summary>
    private async Task SuperviseAsync(ClientWebSocket socket)
    {
        while (true)
        {
            Publish(socket);
            string reason = await ReceiveUntilDroppedAsync(socket).ConfigureAwait(false);
            socket.Dispose();
            if (_life.IsCancellationRequested) return;

            lock (_stateLock) _connected = NewConnectedSource();
            _router.UnbindAll();
            // Observers hear of the drop before any call fails of it, so a caller can tell a drop from a node that is gone.
            Report(ConnectionEventKind.Disconnected, $"disconnected: {reason}");
            FailPending(call => MalformedSince(call) is { } bad
                ? new RpcException(RpcErrorKind.MalformedReply,
                    $"{ShownEndpoint} sent a malformed message while {call.Method} waited for its reply, " +
                    $"then the connection ended ({reason}): {bad.Problem}")
                : new RpcException(RpcErrorKind.ConnectionFailed,
                    $"The connection to {ShownEndpoint} was lost before the reply came ({reason}); " +
                    "the call was not repeated because the node may have run it."));

            var (next, why) = await ReconnectAsync().ConfigureAwait(false);
            if (next is null)
            {
                if (_life.IsCancellationRequested) return;
                var failure = new RpcException(RpcErrorKind.ConnectionFailed, $"Lost the connection to {ShownEndpoint} and {why}.");
                Report(ConnectionEventKind.GaveUpReconnecting, "gave up reconnecting");
                lock (_stateLock) _connected.TrySetException(failure);
                return;
            }
            socket = next;
            _ = Task.Run(ResubscribeAllAsync);
        }
    }

    /// <summary>No socket when every attempt failed, the reconnect limit passed, or the client was disposed; then why.</summary>
    private async Task<(ClientWebSocket? Socket, string Why)> ReconnectAsync()
    {
        string attemptsFailed = $"{_options.MaxReconnectAttempts} reconnect attempts failed";
        if (_options.MaxReconnectAttempts == 0) return (null, "reconnecting is off");
        if (_options.ReconnectLimit is not { } limit)
            return (await ConnectWithRetriesAsync(
                    _options.MaxReconnectAttempts, "reconnect", _life.Token, swallowFinalError: true).ConfigureAwait(false),
                attemptsFailed);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
        giveUp.CancelAfter(limit);
        var socket = await ConnectWithRetriesAsync(
            _options.MaxReconnectAttempts, "reconnect", giveUp.Token, swallowFinalError: true).ConfigureAwait(false);
        return (socket, giveUp.IsCancellationRequested
            ? $"it did not come back within the reconnect limit of {limit.TotalSeconds:0.###} s"
            : attemptsFailed);
    }

    private void Publish(ClientWebSocket socket)
    {
        lock (_stateLock)
        {
            _socket = socket;
            _connected.TrySetResult(socket);
        }
        Report(ConnectionEventKind.Connected, "connected");
    }

    private async Task ResubscribeAllAsync()
    {
        var subscriptions = _router.Snapshot();
        int done = 0;
        foreach (var subscription in subscriptions)
        {
            if (subscription.IsDisposed) continue;
            if (_options.NonResumableSubscriptions.Contains(subscription.SubscribeMethod))
            {
                Report(ConnectionEventKind.NotResubscribed,
                    $"not resubscribing {subscription.SubscribeMethod}: subscribing again would repeat its effect; "
                    + "its notifications ended with the connection",
                    subscription.SubscribeMethod);
                continue;
            }
            try
            {
                await SubscribeOnCurrentConnectionAsync(subscription, _life.Token).ConfigureAwait(false);
                done++;
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException or ObjectDisposedException)
            {
                // The next drop retries it; until then this subscription is silent, which the report makes visible.
                Report(ConnectionEventKind.ResubscribeFailed,
                    $"resubscribe {subscription.SubscribeMethod} failed: {e.Message}", subscription.SubscribeMethod);
            }
        }
        if (subscriptions.Count > 0) Report(ConnectionEventKind.Resubscribed, $"resubscribed {done} of {subscriptions.Count}");
    }

    /// <summary>Reads whole messages (any number of frames each) until the socket fails or closes; returns why it ended.</summary>
    private async Task<string> ReceiveUntilDroppedAsync(ClientWebSocket socket)
    {
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult frame;
                do
                {
                    frame = await socket.ReceiveAsync(message.GetMemory(16 * 1024), _life.Token).ConfigureAwait(false);
                    if (frame.MessageType == WebSocketMessageType.Close)
                        return $"the node closed the connection ({socket.CloseStatus} {PeerText.Quote(socket.CloseStatusDescription)})"
                            .Replace(" )", ")");
                    message.Advance(frame.Count);
                    if (message.WrittenCount > _options.MaxMessageBytes)
                        return $"a message exceeded {_options.MaxMessageBytes} bytes";
                } while (!frame.EndOfMessage);

                Dispatch(message.WrittenMemory);
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return "client disposed";
        }
        catch (OperationCanceledException e)
        {
            // The socket was aborted under the receive: the connection is gone like any other drop, and is reconnected.
            return $"the connection was aborted ({e.Message})";
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode == WebSocketError.Faulted)
        {
            // ManagedWebSocket faults on what the peer sent, not on the network: a text message that is not UTF-8, a
            // broken frame. The calls then waiting learn that the node's data was malformed, not that the network failed.
            const string problem = "data that is not a valid WebSocket message (a text message that is not UTF-8, or a broken frame)";
            Volatile.Write(ref _malformed, new MalformedMessage(problem, System.Diagnostics.Stopwatch.GetTimestamp()));
            return $"the node sent {problem}";
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return e.Message;
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        var message = RpcIncomingMessage.Parse(utf8);
        switch (message.Kind)
        {
            case RpcIncomingKind.Response:
                if (!_pending.TryRemove(message.Id!, out var call))
                {
                    Report(ConnectionEventKind.IgnoredMessage, $"ignored a reply with unknown id {message.Id}");
                    return;
                }
                if (message.Error is { } error) { call.Reply.TrySetException(error); return; }
                try
                {
                    call.OnResult?.Invoke(message.Result);
                    call.Reply.TrySetResult(message.Result);
                }
                catch (RpcException e)
                {
                    call.Reply.TrySetException(e);
                }
                return;

            case RpcIncomingKind.Notification:
                _router.Route(message.SubscriptionId!, message.Result);
                return;

            default:
                Report(ConnectionEventKind.IgnoredMessage, $"ignored a malformed message: {message.Problem}");
                if (message.Id is { } id && _pending.TryRemove(id, out var affected))
                    affected.Reply.TrySetException(new RpcException(RpcErrorKind.MalformedReply,
                        $"{ShownEndpoint} answered {affected.Method} with a malformed message: {message.Problem}"));
                // Naming no call, it may still have been the reply to one: a call that then times out or loses the
                // connection says so, rather than blaming the network for the node's garbage.
                else Volatile.Write(ref _malformed, new MalformedMessage(message.Problem!, System.Diagnostics.Stopwatch.GetTimestamp()));
                return;
        }
    }

    /// <summary>
    /// Tries up to <paramref name="attempts"/> times with backoff; null when cancelled (or, if asked, when all failed).
    /// A definitive answer (an HTTP server that does not upgrade, a failed TLS handshake) ends the first connect at
    /// once; reconnecting keeps trying, since a proxy may answer so while the node behind it restarts.
    /// </summary>
    private async Task<ClientWebSocket?> ConnectWithRetriesAsync(int attempts, string what, CancellationToken cancellation,
        bool swallowFinalError = false, bool definitiveEnds = false)
    {
        ConnectAttemptFailure? last = null;
        int attempt;
        for (attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = ReconnectBackoff.DelayBefore(attempt - 1, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay);
                Report(ConnectionEventKind.Reconnecting, $"reconnecting in {delay.TotalSeconds:0.##} s (attempt {attempt}{Of(attempts)})");
                try { await Task.Delay(delay, cancellation).ConfigureAwait(false); }
                catch (OperationCanceledException) { return null; }
            }
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = _options.KeepAlive;
            socket.Options.KeepAliveTimeout = _options.KeepAlive;
            // Keeps the status of a refused upgrade, so that an HTTP server can be told from a dropped connection.
            socket.Options.CollectHttpResponseDetails = true;
            // Seeing the certificate tells a TLS server that is slow from a plain server that never answers a TLS hello.
            bool tlsAnswered = false;
            var validate = _options.RemoteCertificateValidation;
            if (Endpoint.Scheme == "wss")
                socket.Options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    tlsAnswered = true;
                    return validate?.Invoke(sender, certificate, chain, errors) ?? errors == System.Net.Security.SslPolicyErrors.None;
                };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(_options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(Endpoint, deadline.Token).ConfigureAwait(false);
                socket.HttpResponseHeaders = null;
                return socket;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                socket.Dispose();
                return null;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException
                or HttpRequestException or ArgumentException)
            {
                // ArgumentException: an HTTP server that answers and closes before the request is written ("the base stream is not writeable").
                last = ConnectAttemptFailure.From(e, socket, Endpoint, ShownEndpoint, _options.ConnectTimeout, tlsAnswered);
                socket.Dispose();
                Report(ConnectionEventKind.ConnectAttemptFailed,
                    $"{what} attempt {attempt}{Of(attempts)} to {ShownEndpoint} failed: {last.Description}");
                if (!last.Transient && definitiveEnds) break;
            }
        }
        if (swallowFinalError) return null;
        string tries = last!.Transient ? $" after {Math.Min(attempt, attempts)} attempt(s)" : "";
        throw new RpcException(RpcErrorKind.ConnectionFailed,
            $"Could not connect to {ShownEndpoint}{tries}: {last.Description}.", inner: last.Error, connect: last.Kind);
    }

    /// <summary>A count of int.MaxValue means "until the reconnect limit": it is not shown.</summary>
    private static string Of(int attempts) => attempts == int.MaxValue ? "" : $" of {attempts}";

    private void FailPending(Exception error) => FailPending(_ => error);

    private void FailPending(Func<PendingCall, Exception> error)
    {
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var call)) call.Reply.TrySetException(error(call));
    }

    /// <summary>The last malformed message that named no call, if it came while <paramref name="call"/> was waiting.</summary>
    private MalformedMessage? MalformedSince(PendingCall call) =>
        Volatile.Read(ref _malformed) is { } bad && bad.Timestamp >= call.Started ? bad : null;

    private void Report(ConnectionEventKind kind, string text, string? method = null)
    {
        try { ConnectionChanged?.Invoke(new ConnectionEvent(kind, text, method)); }
        catch (Exception) { /* an observer's bug must not break the connection */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        ClientWebSocket? socket;
        lock (_stateLock) socket = _socket;
        if (socket is { State: WebSocketState.Open })
        {
            // A polite close first, bounded: a node that never answers must not hold up disposal.
            using var closeDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client disposed", closeDeadline.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException) { }
        }
        _life.Cancel();
        socket?.Abort();
        await Task.WhenAny(_supervisor, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        FailPending(new ObjectDisposedException(nameof(WebSocketRpcClient), $"The client for {ShownEndpoint} was disposed."));
        lock (_stateLock) _connected.TrySetException(new ObjectDisposedException(nameof(WebSocketRpcClient)));
        foreach (var subscription in _router.Snapshot()) await subscription.DisposeAsync().ConfigureAwait(false);
        socket?.Dispose();
    }

    private static TaskCompletionSource<ClientWebSocket> NewConnectedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record MalformedMessage(string Problem, long Timestamp);

    private sealed class PendingCall(string method, Action<JsonElement>? onResult)
    {
        public string Method { get; } = method;
        public long Started { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
        public Action<JsonElement>? OnResult { get; } = onResult;
        public TaskCompletionSource<JsonElement> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

namespace BittensorPow.Registration.Chain;

/// <summary>
/// A connected node for the length of one call: the WebSocket client (reconnecting with capped backoff for the
/// reconnect limit) and the SubtensorClient over it, watched by <see cref="Node"/>. Every chain failure leaves
/// <see cref="Call{T}"/> as a <see cref="PowException"/>.
/// </summary>
public sealed class ChainSession : IDisposable
{
    /// <summary>How long a session waits for a node that went away (-ReconnectLimitSec's default).</summary>
    public static readonly TimeSpan DefaultReconnectLimit = TimeSpan.FromSeconds(60);

    /// <summary>Reads repeated after a drop before the session gives up on them (each waits for the reconnect).</summary>
    private const int MaxReadRetries = 5;

    private readonly IAsyncDisposable? _owned;
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    private IWorkflowOutput? _output;
    private Task<IAsyncDisposable>? _following;

    public ChainSession(SubtensorClient client, string endpoint, IAsyncDisposable? owned = null)
    {
        Client = client;
        Url = endpoint;
        Endpoint = EndpointDisplay.Masked(endpoint);
        _owned = owned;
        Node = new NodeWatch(client.Rpc, Endpoint);
    }

    public SubtensorClient Client { get; }

    /// <summary>The node as people see it — in messages and in the solutions' Endpoint — with any user:password@ masked.</summary>
    public string Endpoint { get; }

    /// <summary>Whether the node is there: drops, reconnects, and a node gone for good (NodeLost).</summary>
    public NodeWatch Node { get; }

    /// <summary>
    /// The client options of a session: reconnecting goes on, with backoff capped at 2 s (a node restarted on the same
    /// address is found within seconds), until <paramref name="reconnectLimit"/> has passed since the drop.
    /// </summary>
    public static RpcClientOptions Options(TimeSpan? reconnectLimit) => new()
    {
        MaxReconnectAttempts = int.MaxValue,
        ReconnectLimit = reconnectLimit ?? DefaultReconnectLimit,
        ReconnectMaxDelay = TimeSpan.FromSeconds(2),
    };
    /// <summary>The URL as given, credentials included: only for connecting to the same node again (a remote host's search).</summary>
    public string Url { get; }

    /// <summary>Connects to -Endpoint / -Network / the btcli variables / the local node, and reads the runtime.</summary>
    /// <param name="options">Null: <see cref="Options"/> with the node's reconnect limit.</param>
    public static ChainSession Connect(NodeChoice node, IWorkflowOutput output, CancellationToken cancellation, RpcClientOptions? options = null)
    {
        options ??= Options(node.ReconnectLimit);
        var (endpoint, network) = (node.Endpoint, node.Network);
        if (endpoint is not null && string.IsNullOrWhiteSpace(endpoint))
            throw PowException.Parameter(ErrorIds.InvalidEndpoint, endpoint, "-Endpoint is empty.",
                $"Give -Endpoint as ws://host:port (a local node: {ChainEndpoint.Local}), or leave it out to use -Network.");
        if (endpoint is not null && network is not null)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, EndpointDisplay.Show(endpoint),
                $"-Endpoint {EndpointDisplay.Show(endpoint)} and -Network {network} both name a node.",
                "Give one of them: -Endpoint for a URL, or -Network finney, test or local.");
        string url;
        try { url = ChainEndpoint.Resolve(endpoint, network); }
        catch (ArgumentException ex)
        {
            throw PowException.Pipeline(ErrorIds.InvalidEndpoint, PowErrorCategory.InvalidArgument, Hex.Shorten(network ?? ""), ex.Message,
                "Use finney, test or local, or give -Endpoint ws://host:port.");
        }
        output.Verbose($"Connecting to {EndpointDisplay.Show(url)}.");
        WebSocketRpcClient? rpc = null;
        try
        {
            rpc = ChainFailures.Run(() => WebSocketRpcClient.ConnectAsync(url, options, cancellation), url);
            var client = ChainFailures.Run(() => SubtensorClient.ConnectAsync(rpc, cancellation), url);
            var p = client.RuntimeProfile;
            output.Verbose($"Runtime {PeerText.Quote(p.SpecName, 64)} spec {p.SpecVersion} (metadata V{p.MetadataVersion}): " +
                $"seal rule {p.SealRule}, register {(p.RegisterVerifiesWork ? "verifies work" : "burns and ignores work")}.");
            var session = new ChainSession(client, url, rpc) { _output = output };
            session.Node.ReconnectLimit = options.ReconnectLimit;
            return session;
        }
        catch
        {
            rpc?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
            throw;
        }
    }

    /// <summary>
    /// Connects inside <paramref name="deadline"/>: running out there names the connecting phase; running out later while
    /// the node is away is NodeLost.
    /// </summary>
    public static ChainSession Connect(NodeChoice node, IWorkflowOutput output, Workflows.CallDeadline deadline)
    {
        var session = deadline.Run($"connecting to {node.Shown} and reading its runtime", ErrorIds.RpcTimeout,
            t => Connect(node, output, t));
        deadline.Node = session.Node;
        return session;
    }

    /// <summary>
    /// Runs a chain read synchronously on the caller's thread, mapping every failure to a <see cref="PowException"/>.
    /// Only for reads (every use is one): a read cut off by a dropped connection is made again once the client is back,
    /// and when the client gives up the error is NodeLost. On the session's own thread, what happened to the connection
    /// is written while it waits.
    /// </summary>
    public T Call<T>(Func<Task<T>> call)
    {
        for (int retry = 0; ; retry++)
        {
            try { return ChainFailures.Run(() => Speaking(call()), Endpoint); }
            catch (PowException e) when (Node.IsLost && e.Error.Id is ErrorIds.ConnectionFailed or ErrorIds.RpcTimeout)
            {
                throw Node.Gone(inner: e);
            }
            catch (PowException e) when (e.Error.Id == ErrorIds.ConnectionFailed && retry < MaxReadRetries
                && e.Error.Inner is RpcException { Kind: RpcErrorKind.ConnectionFailed, Connect: null })
            {
                // Lost with the connection: the node may not have seen it, and a read is safe to make again.
            }
        }
    }

    private Task<T> Speaking<T>(Task<T> task)
    {
        if (_output is not { } output || Environment.CurrentManagedThreadId != _ownerThread) return task;
        while (Task.WaitAny([task], TimeSpan.FromMilliseconds(200)) < 0) Node.Speak(output);
        Node.Speak(output);
        return task;
    }

    public BlockHeader Head(CancellationToken cancellation) => Call(() => Client.GetHeadAsync(cancellation));

    /// <summary>
    /// The first head past <paramref name="number"/>, from the node's announcements: one subscription and one read, not a
    /// read every few milliseconds for a block that takes 12 s on Finney.
    /// </summary>
    public BlockHeader HeadAfter(ulong number, CancellationToken cancellation)
    {
        var next = new TaskCompletionSource<BlockHeader>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = Call(() => Client.SubscribeNewHeadsAsync(h => { if (h.Number > number) next.TrySetResult(h); }, cancellation));
        try
        {
            // The head may have moved on before the subscription started.
            var now = Head(cancellation);
            if (now.Number > number) return now;
            next.Task.Wait(cancellation);
            return next.Task.Result;
        }
        finally { Unsubscribe(subscription); }
    }

    /// <summary>Stops a subscription without waiting: the connection may close first, and then nothing is left to stop.</summary>
    public static void Unsubscribe(IAsyncDisposable subscription) => _ = UnsubscribeAsync(subscription);

    private static async Task UnsubscribeAsync(IAsyncDisposable subscription)
    {
        try { await subscription.DisposeAsync().ConfigureAwait(false); }
        catch (Exception) { } // the connection closed first; nothing is left to clean up then
    }

    /// <summary>
    /// Starts following the node's runtime version for the rest of the session, so that signing knows the runtime
    /// without asking each time (SubtensorClient.RuntimeForSigningAsync). For workflows that sign; once per session.
    /// Nothing waits for the subscription: until the node has announced its version on it, and on a node that refuses
    /// it, signing asks the node as before.
    /// </summary>
    public void FollowRuntime() => _following ??= Client.FollowRuntimeAsync(null, CancellationToken.None);

    /// <summary>A subscription still being made (or refused) needs no stopping: closing the connection ends it.</summary>
    private void StopFollowing()
    {
        if (_following is not { IsCompletedSuccessfully: true } following) return;
        try { following.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2)); }
        catch (AggregateException) { } // the connection is closing anyway
    }

    public void Dispose()
    {
        StopFollowing();
        Node.Dispose();
        _owned?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
    }
}

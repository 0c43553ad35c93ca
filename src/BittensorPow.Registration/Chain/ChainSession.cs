using BittensorPow.Registration.Errors;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Registration.Chain;

/// <summary>
/// A connected node for the length of one call: the WebSocket client (reconnecting with backoff) and the
/// SubtensorClient over it. Every chain failure leaves <see cref="Call{T}"/> as a <see cref="PowException"/>.
/// </summary>
public sealed class ChainSession : IDisposable
{
    private readonly IAsyncDisposable? _owned;
    private IAsyncDisposable? _runtimeSubscription;
    private bool _followTried;

    public ChainSession(SubtensorClient client, string endpoint, IAsyncDisposable? owned = null)
    {
        Client = client;
        Endpoint = endpoint;
        _owned = owned;
    }

    public SubtensorClient Client { get; }
    public string Endpoint { get; }

    /// <summary>Connects to -Endpoint / -Network / the btcli variables / the local node, and reads the runtime.</summary>
    public static ChainSession Connect(string? endpoint, string? network, IWorkflowOutput output, CancellationToken cancellation,
        RpcClientOptions? options = null)
    {
        if (endpoint is not null && string.IsNullOrWhiteSpace(endpoint))
            throw PowException.Parameter(ErrorIds.InvalidEndpoint, endpoint, "-Endpoint is empty.",
                $"Give -Endpoint as ws://host:port (a local node: {ChainEndpoint.Local}), or leave it out to use -Network or BT_SUBTENSOR_CHAIN_ENDPOINT.");
        if (endpoint is not null && network is not null)
            throw PowException.Parameter(ErrorIds.ConflictingParameters, endpoint,
                $"-Endpoint {endpoint} and -Network {network} both name a node.", "Give one of them: -Endpoint for a URL, or -Network finney, test or local.");
        string url;
        try { url = ChainEndpoint.Resolve(endpoint, network); }
        catch (ArgumentException ex)
        {
            throw new PowException(new PowError(ErrorIds.InvalidEndpoint, PowErrorCategory.InvalidArgument, Hex.Shorten(network ?? ""), ex.Message,
                "Use finney, test or local, or give -Endpoint ws://host:port.", Scope: PowErrorScope.Pipeline));
        }
        output.Verbose($"Connecting to {Hex.Shorten(url)}.");
        WebSocketRpcClient? rpc = null;
        try
        {
            rpc = ChainFailures.Run(() => WebSocketRpcClient.ConnectAsync(url, options, cancellation), url);
            var client = ChainFailures.Run(() => SubtensorClient.ConnectAsync(rpc, cancellation), url);
            var p = client.RuntimeProfile;
            output.Verbose($"Runtime {p.SpecName} spec {p.SpecVersion} (metadata V{p.MetadataVersion}): seal rule {p.SealRule}, register {(p.RegisterVerifiesWork ? "verifies work" : "burns and ignores work")}.");
            return new ChainSession(client, url, rpc);
        }
        catch
        {
            rpc?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
            throw;
        }
    }

    /// <summary>Runs a chain call synchronously on the caller's thread, mapping every failure to a <see cref="PowException"/>.</summary>
    public T Call<T>(Func<Task<T>> call) => ChainFailures.Run(call, Endpoint);

    public BlockHeader Head(CancellationToken cancellation) => Call(() => Client.GetHeadAsync(cancellation));

    /// <summary>
    /// Follows the node's runtime version for the rest of the session, so that signing knows the runtime without
    /// asking each time (SubtensorClient.RuntimeForSigningAsync). For workflows that sign; once per session.
    /// <paramref name="cancellation"/> bounds only the subscribing, not the subscription. A node that cannot be
    /// subscribed to is asked before each signing instead. Returns whether the session follows the runtime.
    /// </summary>
    public bool FollowRuntime(IWorkflowOutput output, CancellationToken cancellation)
    {
        if (_followTried) return _runtimeSubscription is not null;
        _followTried = true;
        try { _runtimeSubscription = Client.FollowRuntimeAsync(null, CancellationToken.None).WaitAsync(cancellation).GetAwaiter().GetResult(); }
        catch (RpcException e) when (e.Kind is RpcErrorKind.Remote or RpcErrorKind.MalformedReply)
        {
            output.Verbose($"The node does not announce runtime versions ({e.Message}); its runtime is read before each signing.");
        }
        catch (Exception e) when (ChainFailures.Describe(e, Endpoint) is { } error) { throw new PowException(error); }
        return _runtimeSubscription is not null;
    }

    public void Dispose()
    {
        try { _runtimeSubscription?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _owned?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
    }
}

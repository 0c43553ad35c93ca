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
    private Task<IAsyncDisposable>? _following;

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
                "Use finney, test or local, or give -Endpoint ws://host:port.") { Scope = PowErrorScope.Pipeline });
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

    /// <summary>Connects inside <paramref name="deadline"/>: running out there names the connecting phase.</summary>
    public static ChainSession Connect(string? endpoint, string? network, IWorkflowOutput output, Workflows.CallDeadline deadline) =>
        deadline.Run($"connecting to {endpoint ?? network ?? "the node"} and reading its runtime", ErrorIds.RpcTimeout,
            t => Connect(endpoint, network, output, t));

    /// <summary>Runs a chain call synchronously on the caller's thread, mapping every failure to a <see cref="PowException"/>.</summary>
    public T Call<T>(Func<Task<T>> call) => ChainFailures.Run(call, Endpoint);

    public BlockHeader Head(CancellationToken cancellation) => Call(() => Client.GetHeadAsync(cancellation));

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
        _owned?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
    }
}

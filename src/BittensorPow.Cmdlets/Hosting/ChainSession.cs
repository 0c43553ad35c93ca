using System.Management.Automation;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// A connected node for the length of one cmdlet call: the WebSocket client (reconnecting with backoff)
/// and the SubtensorClient over it. Every chain failure leaves here as an ErrorRecord with a stable id.
/// </summary>
internal sealed class ChainSession : IDisposable
{
    private ChainSession(WebSocketRpcClient rpc, SubtensorClient client, string endpoint)
    {
        Rpc = rpc;
        Client = client;
        Endpoint = endpoint;
    }

    public WebSocketRpcClient Rpc { get; }
    public SubtensorClient Client { get; }
    public string Endpoint { get; }

    public static ChainSession Connect(PSCmdlet cmdlet, string? endpoint, string? network, CancellationToken cancellation)
    {
        string url = ChainEndpoint.Resolve(endpoint, network);
        cmdlet.WriteVerbose($"Connecting to {url}.");
        WebSocketRpcClient? rpc = null;
        try
        {
            rpc = Run(() => WebSocketRpcClient.ConnectAsync(url, null, cancellation), url);
            rpc.ConnectionChanged += _ => { }; // events arrive on background threads; the solver logs its own view
            var client = Run(() => SubtensorClient.ConnectAsync(rpc, cancellation), url);
            var p = client.RuntimeProfile;
            cmdlet.WriteVerbose($"Runtime {p.SpecName} spec {p.SpecVersion} (metadata V{p.MetadataVersion}): seal rule {p.SealRule}, register {(p.RegisterVerifiesWork ? "verifies work" : "burns and ignores work")}.");
            return new ChainSession(rpc, client, url);
        }
        catch
        {
            if (rpc is not null) rpc.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
            throw;
        }
    }

    /// <summary>Runs a chain call synchronously on the pipeline thread, mapping every failure to an ErrorRecord.</summary>
    public T Call<T>(Func<Task<T>> call) => Run(call, Endpoint);

    public static T Run<T>(Func<Task<T>> call, string endpoint)
    {
        try { return call().GetAwaiter().GetResult(); }
        catch (RpcException ex) { throw new PowErrorRecordException(Map(ex, endpoint)); }
        catch (SubnetNotFoundException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create(ChainErrorIds.SubnetNotFound, ErrorCategory.ObjectNotFound, ex.NetUid,
                $"Subnet {ex.NetUid} does not exist on {endpoint}.", "Check -NetUid; Get-SubtensorBlock -NetUid <n> shows whether a subnet exists."));
        }
        catch (ChainReplyException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create(ChainErrorIds.MalformedReply, ErrorCategory.InvalidResult, endpoint,
                $"The node at {endpoint} gave an unexpected answer: {ex.Message}", "Check that the endpoint is a subtensor node.", ex));
        }
    }

    private static ErrorRecord Map(RpcException ex, string endpoint) => ex.Kind switch
    {
        RpcErrorKind.BadEndpoint => PowErrors.Create(ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument, endpoint, ex.Message,
            "Give -Endpoint as ws://host:port or wss://host:port, or -Network finney|test|local."),
        RpcErrorKind.ConnectionFailed => PowErrors.Create(ChainErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, endpoint, ex.Message,
            "Check that the node is running and reachable (for a local node: ws://127.0.0.1:9944), then try again.", ex),
        RpcErrorKind.Timeout => PowErrors.Create(ChainErrorIds.RpcTimeout, ErrorCategory.OperationTimeout, endpoint, ex.Message,
            "The node did not answer in time; it may be overloaded or syncing. Try again or use another endpoint.", ex),
        RpcErrorKind.MalformedReply => PowErrors.Create(ChainErrorIds.MalformedReply, ErrorCategory.InvalidResult, endpoint, ex.Message,
            "Check that the endpoint is a subtensor node.", ex),
        _ => PowErrors.Create(ChainErrorIds.NodeError, ErrorCategory.InvalidOperation, endpoint,
            $"The node refused the request: {ex.Message}{(ex.ErrorData is { Length: > 0 } d ? $" ({d})" : "")}", "See the node's message above.", ex),
    };

    public void Dispose() => Rpc.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
}

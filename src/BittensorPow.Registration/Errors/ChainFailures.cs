namespace BittensorPow.Registration.Errors;

/// <summary>Turns the chain client's typed failures into errors users can act on, naming the endpoint.</summary>
public static class ChainFailures
{
    /// <summary>Runs a chain call synchronously on the caller's thread; every chain failure leaves as a <see cref="PowException"/>.</summary>
    public static T Run<T>(Func<Task<T>> call, string endpoint)
    {
        try { return call().GetAwaiter().GetResult(); }
        catch (Exception ex) when (Describe(ex, endpoint) is { } error) { throw new PowException(error); }
    }

    /// <summary>
    /// The error for a chain client failure, or null when the exception is not one. The endpoint is shown as messages
    /// show it (<see cref="EndpointDisplay.Show"/>): user-info masked, and cut so that a 20,000-character one is not echoed whole.
    /// </summary>
    public static PowError? Describe(Exception ex, string endpoint) => DescribeShortened(ex, EndpointDisplay.Show(endpoint));

    private static PowError? DescribeShortened(Exception ex, string endpoint) => ex switch
    {
        RpcException rpc => FromRpc(rpc, endpoint),
        SubnetNotFoundException s => new(ErrorIds.SubnetNotFound, PowErrorCategory.ObjectNotFound, s.NetUid,
            $"Subnet {s.NetUid} does not exist on {endpoint}.", "Check -NetUid; Get-SubtensorBlock -NetUid <n> shows whether a subnet exists."),
        BlockNotFoundException b => new(ErrorIds.BlockNotFound, PowErrorCategory.ObjectNotFound, (object?)b.Number ?? endpoint,
            $"The node at {endpoint} says: {b.Message}", "Give a block the node has (Get-SubtensorBlock shows the head)."),
        StorageValueMissingException m => new(ErrorIds.StorageValueMissing, PowErrorCategory.InvalidResult, endpoint, m.Message,
            "The runtime at this endpoint does not hold what a subtensor runtime holds; check that it is a subtensor node.")
        { Inner = m },
        UnsupportedRuntimeException u => new(ErrorIds.UnsupportedRuntime, PowErrorCategory.NotImplemented, endpoint, u.Message,
            "This runtime does not offer that call in a form this module can sign.")
        { Inner = u },
        ChainReplyException r => new(ErrorIds.MalformedReply, PowErrorCategory.InvalidResult, endpoint,
            $"The node at {endpoint} gave an unexpected answer: {r.Message}", "Check that the endpoint is a subtensor node.")
        { Inner = r },
        _ => null,
    };

    private static PowError FromRpc(RpcException ex, string endpoint) => ex.Kind switch
    {
        RpcErrorKind.BadEndpoint => new(ErrorIds.InvalidEndpoint, PowErrorCategory.InvalidArgument, endpoint, ex.Message,
            "Give -Endpoint as ws://host:port or wss://host:port, or -Network finney|test|local.")
        { Scope = PowErrorScope.Pipeline },
        RpcErrorKind.ConnectionFailed => new(ErrorIds.ConnectionFailed, PowErrorCategory.ConnectionError, endpoint, ex.Message,
            WhatToTry(ex.Connect, endpoint))
        { Inner = ex, Scope = PowErrorScope.Pipeline },
        RpcErrorKind.Timeout => new(ErrorIds.RpcTimeout, PowErrorCategory.OperationTimeout, endpoint, ex.Message,
            "The node did not answer in time; it may be overloaded or syncing. Try again or use another endpoint.")
        { Inner = ex, Scope = PowErrorScope.Pipeline },
        RpcErrorKind.MalformedReply => new(ErrorIds.MalformedReply, PowErrorCategory.InvalidResult, endpoint, ex.Message,
            "Check that the endpoint is a subtensor node.")
        { Inner = ex },
        _ => new(ErrorIds.NodeError, PowErrorCategory.InvalidOperation, endpoint,
            $"The node refused the request: {ex.Message}{(ex.ErrorData is { Length: > 0 } d ? $" ({PeerText.Quote(d)})" : "")}",
            "See the node's message above.")
        { Inner = ex },
    };

    private const string NodePort = "a node's WebSocket port";

    // The message names the endpoint and what happened; these say what to do, in one line each.
    private static string WhatToTry(ConnectFailure? failure, string endpoint) => failure switch
    {
        ConnectFailure.NotWebSocket => $"Give -Endpoint as {NodePort} (ws://host:9944) or -Network; an HTTP server's URL will not do.",
        ConnectFailure.ClosedBeforeHandshake
            => $"Check that this is {NodePort} and that the node lets this client in (--rpc-cors, --rpc-max-connections).",
        ConnectFailure.TlsFailed when endpoint.StartsWith("wss://", StringComparison.OrdinalIgnoreCase)
            => "A local node speaks plain WebSocket: use ws:// (as the message says); for a wss:// node, check its certificate.",
        ConnectFailure.Refused
            => "Start the node, or check the host and port (local: ws://127.0.0.1:9944); a starting node refuses for a few seconds.",
        ConnectFailure.HandshakeTimeout
            => $"Check that this is {NodePort}; a node under heavy load answers slowly: try again or use another endpoint.",
        _ => $"Check that the node is running and that this is {NodePort} (local: ws://127.0.0.1:9944), then try again.",
    };
}

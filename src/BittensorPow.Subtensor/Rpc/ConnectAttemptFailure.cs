namespace BittensorPow.Subtensor.Rpc;

/// <summary>One failed open: what it was, in words that name the endpoint, and whether another attempt could go differently.</summary>
internal sealed record ConnectAttemptFailure(ConnectFailure Kind, string Description, bool Transient, Exception Error)
{
    /// <summary>
    /// Reads the failure of <paramref name="socket"/>'s ConnectAsync. An HTTP answer that is not an upgrade and a failed TLS
    /// handshake are definitive (the same server answers the same way again), except the gateway statuses a proxy gives
    /// while the node behind it restarts.
    /// </summary>
    /// <param name="tlsAnswered">For wss://, whether the server's certificate arrived.</param>
    public static ConnectAttemptFailure From(
        Exception e, ClientWebSocket socket, Uri endpoint, string shown, TimeSpan connectTimeout, bool tlsAnswered)
    {
        bool tls = endpoint.Scheme == "wss";
        string plain = "ws://" + endpoint.OriginalString[(endpoint.Scheme.Length + 3)..];
        // A TLS server answers a hello at once, however busy: silence means the server there does not speak TLS.
        if (e is OperationCanceledException && tls && !tlsAnswered)
            return new(ConnectFailure.TlsFailed,
                $"the TLS handshake with {shown} failed: no TLS answer within {connectTimeout.TotalSeconds:0.##} s, "
                + "so the server there does not speak TLS — if it is a node that speaks plain WebSocket, "
                + $"try {EndpointDisplay.Show(plain)}", false, e);
        // A node answers the upgrade at once even when busy; silence for the whole connect timeout is as definitive as an
        // HTTP answer, so the first connect says so after one timeout (10 s), not after three and the call's whole limit.
        if (e is OperationCanceledException)
            return new(ConnectFailure.HandshakeTimeout,
                $"{shown} accepted the connection but sent no WebSocket handshake reply "
                + $"within {connectTimeout.TotalSeconds:0.##} s", false, e);
        if (socket.HttpStatusCode is var status && status != 0 && status != HttpStatusCode.SwitchingProtocols)
            return new(ConnectFailure.NotWebSocket,
                $"the server at {shown} answered HTTP {(int)status} {status} but not a WebSocket upgrade: it is not a node's JSON-RPC port",
                status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, e);
        if (Find<AuthenticationException>(e) is { } refused)
            return new(ConnectFailure.TlsFailed,
                $"the TLS handshake with {shown} failed ({refused.Message}); wss:// needs a TLS server there — "
                + $"if it is a node that speaks plain WebSocket, try {EndpointDisplay.Show(plain)}", false, e);
        if (Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionRefused })
            return new(ConnectFailure.Refused, $"nothing accepted the connection at {shown} (connection refused)", true, e);
        if (Find<HttpRequestException>(e) is { HttpRequestError: HttpRequestError.ResponseEnded }
            || Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }
            || Find<IOException>(e) is not null
            // An HTTP server that answers and hangs up before the request is written: "the base stream is not writeable".
            || Find<ArgumentException>(e) is not null)
            return new(ConnectFailure.ClosedBeforeHandshake,
                $"{shown} accepted the connection and closed it before the "
                + $"{(tls && !tlsAnswered ? "TLS" : "WebSocket")} handshake", true, e);
        return new(ConnectFailure.Other, Describe(e), true, e);
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static string Describe(Exception e) =>
        e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
}

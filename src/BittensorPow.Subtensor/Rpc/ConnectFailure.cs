namespace BittensorPow.Subtensor.Rpc;

/// <summary>Why a WebSocket open failed, as far as the client can tell; callers choose what to suggest from it.</summary>
public enum ConnectFailure
{
    /// <summary>Nothing accepted the TCP connection (a node still starting, or nothing on that port).</summary>
    Refused,
    /// <summary>Something accepted the TCP connection and closed it before answering the handshake.</summary>
    ClosedBeforeHandshake,
    /// <summary>An HTTP server answered, but not with a WebSocket upgrade.</summary>
    NotWebSocket,
    /// <summary>wss:// and the TLS handshake failed (a plain ws:// node, or a certificate the system does not trust).</summary>
    TlsFailed,
    /// <summary>Connected, but no handshake reply came within the connect timeout (not tried again on the first connect).</summary>
    HandshakeTimeout,
    Other,
}

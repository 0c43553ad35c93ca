namespace BittensorPow.Subtensor.Rpc;

public enum RpcErrorKind
{
    /// <summary>The node answered with a JSON-RPC error object (Code/ErrorData are set).</summary>
    Remote,
    /// <summary>No answer within the call's timeout.</summary>
    Timeout,
    /// <summary>Could not connect, or the connection was lost and every retry failed.</summary>
    ConnectionFailed,
    /// <summary>The endpoint is not a ws:// or wss:// URL.</summary>
    BadEndpoint,
    /// <summary>The node sent something that is not JSON-RPC.</summary>
    MalformedReply,
}

using System.Text.Json;

namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// A JSON-RPC 2.0 connection to a Substrate node. The WebSocket implementation reconnects with
/// backoff and resubscribes; tests substitute a recorded transcript.
/// </summary>
public interface IRpcClient : IAsyncDisposable
{
    Uri Endpoint { get; }

    /// <summary>Calls a method and returns its "result" (JsonValueKind.Null for a null result). Throws <see cref="RpcException"/>.</summary>
    Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default, TimeSpan? timeout = null);

    /// <summary>
    /// Subscribes (e.g. chain_subscribeNewHeads / chain_unsubscribeNewHeads). Every notification's "result"
    /// goes to <paramref name="onNotification"/> on a background thread. After a reconnect the client
    /// subscribes again by itself. Disposing the subscription unsubscribes.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> onNotification, CancellationToken cancellation = default);

    /// <summary>Connection life (connected, disconnected, reconnecting, resubscribed, …), each with a line for people.</summary>
    event Action<ConnectionEvent>? ConnectionChanged;
}

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

public sealed class RpcException(RpcErrorKind kind, string message, int? code = null, string? data = null, Exception? inner = null,
    ConnectFailure? connect = null)
    : Exception(message, inner)
{
    public RpcErrorKind Kind { get; } = kind;
    /// <summary>For <see cref="RpcErrorKind.ConnectionFailed"/> while opening the connection: what the last attempt ran into.</summary>
    public ConnectFailure? Connect { get; } = connect;
    public int? Code { get; } = code;
    /// <summary>The error object's "data" (e.g. "Transaction is outdated"); named so as not to hide Exception.Data.</summary>
    public string? ErrorData { get; } = data;
}

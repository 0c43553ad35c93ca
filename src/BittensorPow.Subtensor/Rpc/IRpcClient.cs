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

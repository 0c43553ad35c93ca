namespace BittensorPow.Subtensor.Rpc;

/// <summary>Timeouts and reconnect policy of <see cref="WebSocketRpcClient"/>. Every wait the client makes is bounded by one of these.</summary>
public sealed record RpcClientOptions
{
    /// <summary>How long a call waits for its reply (including waiting for a reconnect) unless the call passes its own timeout.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one WebSocket open handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts for the first connection in
    /// <see cref="WebSocketRpcClient.ConnectAsync(Uri, RpcClientOptions?, CancellationToken)"/> (at least 1).
    /// </summary>
    public int ConnectAttempts { get; init; } = 3;

    /// <summary>Attempts after a dropped connection before the client gives up for good (0: never reconnect).</summary>
    public int MaxReconnectAttempts { get; init; } = 10;

    /// <summary>
    /// How long after a drop the client goes on trying to reconnect before it gives up for good (with
    /// <see cref="MaxReconnectAttempts"/>, whichever ends first); null: only the attempts bound it. With a limit, a call
    /// made while the client reconnects waits for the connection until the client is back or gives up, and its own
    /// timeout counts from the moment it is sent: a node that restarts within the limit costs no call.
    /// </summary>
    public TimeSpan? ReconnectLimit { get; init; }

    /// <summary>First delay between attempts; it doubles each attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// WebSocket ping interval; a peer that does not answer a ping within the same span counts as dropped, so a
    /// silently dead connection is noticed instead of leaving subscriptions quiet forever.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest message accepted (metadata is ~0.6 MB as hex; 64 MiB leaves room for any runtime).</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Notifications kept for subscription ids whose subscribe reply has not arrived yet (oldest dropped beyond this).</summary>
    public int MaxEarlyNotifications { get; init; } = 256;

    internal void Validate()
    {
        if (CallTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CallTimeout), "must be positive");
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), "must be positive");
        if (ConnectAttempts < 1) throw new ArgumentOutOfRangeException(nameof(ConnectAttempts), "must be at least 1");
        if (MaxReconnectAttempts < 0) throw new ArgumentOutOfRangeException(nameof(MaxReconnectAttempts), "must not be negative");
        if (ReconnectLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReconnectLimit), "must be positive");
        if (ReconnectInitialDelay < TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
            throw new ArgumentOutOfRangeException(nameof(ReconnectMaxDelay), "delays must satisfy 0 <= initial <= max");
    }

    /// <summary>
    /// Subscriptions that must never be sent again after a reconnect, because subscribing has an effect:
    /// re-sending author_submitAndWatchExtrinsic would submit the transaction a second time. They end with the
    /// connection (the loss is reported through ConnectionChanged); the caller decides what to do.
    /// </summary>
    public IReadOnlySet<string> NonResumableSubscriptions { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "author_submitAndWatchExtrinsic" };

    /// <summary>
    /// For wss:// nodes whose certificate the system does not trust (a self-signed private node): decides instead of the
    /// system's chain validation. Null (the default) keeps the system's validation.
    /// </summary>
    public System.Net.Security.RemoteCertificateValidationCallback? RemoteCertificateValidation { get; init; }
}

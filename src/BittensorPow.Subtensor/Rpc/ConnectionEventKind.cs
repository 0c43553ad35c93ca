namespace BittensorPow.Subtensor.Rpc;

/// <summary>What happened to the connection; observers decide by <see cref="Kind"/>, never by the wording.</summary>
public enum ConnectionEventKind
{
    Connected,
    Disconnected,
    Reconnecting,
    ConnectAttemptFailed,
    GaveUpReconnecting,
    Resubscribed,
    ResubscribeFailed,
    /// <summary>A subscription whose subscribe call has an effect (a watched extrinsic) ended with the connection.</summary>
    NotResubscribed,
    UnsubscribeFailed,
    IgnoredMessage,
    /// <summary>A subscription's own handler threw; the subscription goes on.</summary>
    HandlerFailed,
}

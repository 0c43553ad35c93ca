using System.Collections.Concurrent;
using System.Text.Json;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Support;

/// <summary>Passes every call to a real client and counts them by method: how many round trips a workflow costs.</summary>
public sealed class CountingRpcClient(IRpcClient inner) : IRpcClient
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();
    public int Total => Calls.Values.Sum();
    public int Of(string method) => Calls.GetValueOrDefault(method);
    public void Reset() => Calls.Clear();

    public Uri Endpoint => inner.Endpoint;

    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default,
        TimeSpan? timeout = null)
    {
        Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        return inner.CallAsync(method, parameters, cancellation, timeout);
    }

    public Task<IAsyncDisposable> SubscribeAsync(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> onNotification, CancellationToken cancellation = default) =>
        inner.SubscribeAsync(subscribeMethod, parameters, unsubscribeMethod, onNotification, cancellation);

    public event Action<ConnectionEvent>? ConnectionChanged
    {
        add => inner.ConnectionChanged += value;
        remove => inner.ConnectionChanged -= value;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

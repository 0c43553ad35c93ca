using System.Text.Json;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>
/// A fake node whose answers a test scripts per method, and whose author_submitAndWatchExtrinsic pushes scripted
/// status notifications (raw JSON text, so both the string and the object shapes can be sent).
/// </summary>
internal sealed class ScriptedRpcClient : IRpcClient
{
    private readonly Dictionary<string, Func<IReadOnlyList<object?>, JsonElement>> _answers = new();
    private readonly List<string> _calls = [];
    private readonly object _lock = new();
    private string[] _notifications = [];
    private RpcException? _watchError;

    public Uri Endpoint { get; } = new("ws://scripted.invalid");
    public event Action<ConnectionEvent>? ConnectionChanged { add { } remove { } }

    public IReadOnlyList<string> Calls { get { lock (_lock) return _calls.ToList(); } }
    public int Unwatched { get; private set; }

    /// <summary>Answers every call of <paramref name="method"/> with <paramref name="result"/> serialized to JSON.</summary>
    public ScriptedRpcClient On(string method, object? result) => On(method, _ => result);

    public ScriptedRpcClient On(string method, Func<IReadOnlyList<object?>, object?> answer)
    {
        _answers[method] = p => answer(p) is JsonElement e ? e : JsonSerializer.SerializeToElement(answer(p));
        return this;
    }

    public ScriptedRpcClient Fail(string method, RpcException error)
    {
        _answers[method] = _ => throw error;
        return this;
    }

    /// <summary>The status notifications author_submitAndWatchExtrinsic sends, each a JSON text ("\"ready\"", "{\"inBlock\":\"0x…\"}").</summary>
    public ScriptedRpcClient Watch(params string[] notifications) { _notifications = notifications; return this; }

    /// <summary>author_submitAndWatchExtrinsic answers with this error instead of a subscription id.</summary>
    public ScriptedRpcClient WatchFails(RpcException error) { _watchError = error; return this; }

    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default,
        TimeSpan? timeout = null)
    {
        cancellation.ThrowIfCancellationRequested();
        lock (_lock) _calls.Add(method);
        if (!_answers.TryGetValue(method, out var answer)) throw new InvalidOperationException($"The script has no answer to {method}.");
        return Task.FromResult(answer(parameters));
    }

    public Task<IAsyncDisposable> SubscribeAsync(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> onNotification, CancellationToken cancellation = default)
    {
        lock (_lock) _calls.Add(subscribeMethod);
        if (subscribeMethod != "author_submitAndWatchExtrinsic" || unsubscribeMethod != "author_unwatchExtrinsic")
            throw new InvalidOperationException($"Unexpected subscription {subscribeMethod}/{unsubscribeMethod}.");
        if (_watchError is not null) throw _watchError;
        // Delivered before SubscribeAsync returns, as a real client does with notifications that raced its reply;
        // doing it synchronously keeps tests with short timeouts deterministic on a loaded machine. (The transcript
        // client delivers from another thread.)
        foreach (var n in _notifications)
        {
            using var doc = JsonDocument.Parse(n);
            onNotification(doc.RootElement);
        }
        return Task.FromResult<IAsyncDisposable>(new Unwatch(this));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Unwatch(ScriptedRpcClient owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (owner._lock) { owner.Unwatched++; owner._calls.Add("author_unwatchExtrinsic"); }
            return ValueTask.CompletedTask;
        }
    }
}

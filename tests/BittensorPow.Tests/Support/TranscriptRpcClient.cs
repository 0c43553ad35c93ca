using System.Text.Json;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Support;

/// <summary>
/// An <see cref="IRpcClient"/> that replays a recorded JSON-RPC transcript: each call is answered with the recorded
/// response to the same method and parameters. When a request was recorded several times (a storage read before and
/// after an extrinsic), the answers are given in recorded order and the last one repeats. A call that was never
/// recorded fails the test, unless a test explicitly added an answer or marked the method refused.
/// </summary>
public sealed class TranscriptRpcClient : IRpcClient
{
    private readonly Dictionary<string, Queue<JsonElement>> _answers = new();
    private readonly List<(string Method, string Response, List<JsonElement> Notifications)> _subscriptions = [];
    private readonly HashSet<string> _refused = [];
    private readonly List<string> _calls = [];

    public TranscriptRpcClient(JsonElement transcript)
    {
        (string Method, string Response, List<JsonElement> Notifications)? last = null;
        foreach (var exchange in transcript.GetProperty("exchanges").EnumerateArray())
        {
            if (exchange.TryGetProperty("notification", out var n))
            {
                using var doc = JsonDocument.Parse(n.GetString()!);
                last?.Notifications.Add(doc.RootElement.Clone());
                continue;
            }
            if (!exchange.TryGetProperty("request", out var req)) continue;
            using var request = JsonDocument.Parse(req.GetString()!);
            using var response = JsonDocument.Parse(exchange.GetProperty("response").GetString()!);
            var method = request.RootElement.GetProperty("method").GetString()!;
            var key = Key(method, request.RootElement.GetProperty("params"));
            Enqueue(key, response.RootElement.Clone());
            var id = response.RootElement.TryGetProperty("result", out var result) ? result.ToString() : "";
            var entry = (method, id, new List<JsonElement>());
            if (method.Contains("subscribe", StringComparison.OrdinalIgnoreCase) || method == "author_submitAndWatchExtrinsic")
            {
                _subscriptions.Add(entry);
                last = entry;
            }
        }
    }

    public static TranscriptRpcClient Chopsticks() =>
        new(SharedFiles.Json("rpc", "chopsticks-raonet218-transcript.json"));

    public Uri Endpoint { get; } = new("ws://transcript.invalid");
    public event Action<ConnectionEvent>? ConnectionChanged { add { } remove { } }

    /// <summary>Every call made, as "method params", in order.</summary>
    public IReadOnlyList<string> Calls => _calls;

    /// <summary>Adds an answer the transcript lacks (say where it comes from at the call site).</summary>
    public TranscriptRpcClient Answer(string method, object?[] parameters, object? result)
    {
        var json = JsonSerializer.SerializeToElement(new { result });
        Enqueue(Key(method, JsonSerializer.SerializeToElement(parameters)), json);
        return this;
    }

    /// <summary>Makes a method fail the way a node without it does (JSON-RPC error -32601).</summary>
    public TranscriptRpcClient Refuse(string method) { _refused.Add(method); return this; }

    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default,
        TimeSpan? timeout = null)
    {
        var key = Key(method, JsonSerializer.SerializeToElement(parameters));
        _calls.Add(key);
        if (_refused.Contains(method)) throw new RpcException(RpcErrorKind.Remote, "Method not found", -32601);
        if (!_answers.TryGetValue(key, out var queue))
            throw new InvalidOperationException($"The transcript has no answer to {key}.");
        var reply = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        if (reply.TryGetProperty("error", out var error))
            throw new RpcException(RpcErrorKind.Remote, error.GetProperty("message").GetString()!, error.GetProperty("code").GetInt32(),
                error.TryGetProperty("data", out var data) ? data.ToString() : null);
        return Task.FromResult(reply.GetProperty("result").Clone());
    }

    /// <summary>Answers with the recorded subscription id, then pushes the recorded notifications on a background thread.</summary>
    public Task<IAsyncDisposable> SubscribeAsync(string subscribeMethod, IReadOnlyList<object?> parameters, string unsubscribeMethod,
        Action<JsonElement> onNotification, CancellationToken cancellation = default)
    {
        _calls.Add(Key(subscribeMethod, JsonSerializer.SerializeToElement(parameters)));
        var (_, id, notifications) = _subscriptions.FirstOrDefault(s => s.Method == subscribeMethod);
        if (notifications is null) throw new InvalidOperationException($"The transcript has no {subscribeMethod}.");
        _ = Task.Run(() =>
        {
            foreach (var n in notifications)
                if (n.GetProperty("params").GetProperty("subscription").GetString() == id)
                    onNotification(n.GetProperty("params").GetProperty("result"));
        }, cancellation);
        return Task.FromResult<IAsyncDisposable>(new Unsubscriber());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Enqueue(string key, JsonElement reply)
    {
        if (!_answers.TryGetValue(key, out var q)) _answers[key] = q = new Queue<JsonElement>();
        q.Enqueue(reply);
    }

    /// <summary>Method plus compact params JSON; both sides are re-serialized so whitespace never matters.</summary>
    private static string Key(string method, JsonElement parameters) => $"{method} {JsonSerializer.Serialize(parameters)}";

    private sealed class Unsubscriber : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BittensorPow.DevNode.Transport;

namespace BittensorPow.DevNode.Methods;

/// <summary>
/// Method name → handler. Each group of methods lives in its own file and registers itself here; a later issue
/// Unknown methods get -32601 like a real node, and are logged, so a new client's
/// needs show up in the DevNode's stderr.
/// </summary>
public sealed class MethodTable
{
    private readonly Dictionary<string, Func<RpcCall, JsonNode?>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public static MethodTable CreateDefault()
    {
        var table = new MethodTable();
        ChainMethods.Register(table);
        StateMethods.Register(table);
        SystemMethods.Register(table);
        AuthorMethods.Register(table);
        DevMethods.Register(table);
        return table;
    }

    public void Add(string method, Func<RpcCall, JsonNode?> handler) => _handlers[method] = handler;

    /// <summary>How often each known method was called since start (dev_callCounts), for tests that count round trips.</summary>
    public IReadOnlyDictionary<string, int> CallCounts => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public IEnumerable<string> Names => _handlers.Keys.Order(StringComparer.Ordinal);

    public JsonNode? Invoke(RpcCall call)
    {
        if (_handlers.TryGetValue(call.Method, out var handler))
        {
            _calls.AddOrUpdate(call.Method, 1, (_, n) => n + 1);
            return handler(call);
        }
        Console.Error.WriteLine($"DevNode: unknown method {call.Method}");
        throw new RpcError(-32601, "Method not found");
    }
}

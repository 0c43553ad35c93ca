using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using BittensorPow.DevNode.Transport;

namespace BittensorPow.DevNode.Methods;

/// <summary>
/// Method name → handler. Each group of methods lives in its own file, and each handler carries the names it answers
/// (<see cref="RpcMethodAttribute"/>), so adding a method is writing its handler, nothing more. Unknown methods get
/// -32601 like a real node, and are logged, so a new client's needs show up in the DevNode's stderr.
/// </summary>
public sealed class MethodTable
{
    // Found once per process, as DevNodes start in many tests (the search takes a few ms). A name claimed twice or a
    // handler of the wrong shape fails the first DevNodeServer made, before any client connects.
    private static readonly IReadOnlyDictionary<string, Func<RpcCall, JsonNode?>> Handlers =
        FindHandlers(typeof(MethodTable).Assembly.GetTypes());

    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>How often each known method was called since start (dev_callCounts), for tests that count round trips.</summary>
    public IReadOnlyDictionary<string, int> CallCounts => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public IEnumerable<string> Names => Handlers.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// The handlers that <paramref name="types"/> declare, by method name: static methods that take an
    /// <see cref="RpcCall"/> and return a <see cref="JsonNode"/>. Anything else marked [RpcMethod], or a name
    /// claimed twice, throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<RpcCall, JsonNode?>> FindHandlers(IEnumerable<Type> types)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static
            | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var handlers = new Dictionary<string, Func<RpcCall, JsonNode?>>(StringComparer.Ordinal);
        var marked = types.SelectMany(t => t.GetMethods(Declared)).Where(m => m.IsDefined(typeof(RpcMethodAttribute)));
        foreach (var method in marked)
            foreach (var attribute in method.GetCustomAttributes<RpcMethodAttribute>())
                if (!handlers.TryAdd(attribute.Name, Handler(method)))
                    throw new InvalidOperationException(
                        $"RPC method {attribute.Name} has a second handler: {Describe(method)}.");
        return handlers.AsReadOnly();
    }

    public JsonNode? Invoke(RpcCall call)
    {
        if (Handlers.TryGetValue(call.Method, out var handler))
        {
            _calls.AddOrUpdate(call.Method, 1, (_, n) => n + 1);
            return handler(call);
        }
        Console.Error.WriteLine($"DevNode: unknown method {call.Method}");
        throw new RpcError(-32601, "Method not found");
    }

    private static Func<RpcCall, JsonNode?> Handler(MethodInfo method)
        => method.IsStatic && method.ReturnType == typeof(JsonNode)
            && method.GetParameters() is [var only] && only.ParameterType == typeof(RpcCall)
            ? method.CreateDelegate<Func<RpcCall, JsonNode?>>()
            : throw new InvalidOperationException(
                $"{Describe(method)} has [RpcMethod] but is not static JsonNode? (RpcCall).");

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}

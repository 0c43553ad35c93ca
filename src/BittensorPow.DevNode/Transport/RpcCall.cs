using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BittensorPow.DevNode.Transport;

/// <summary>One request as a handler sees it: its parameters, the session it came on, and work to do after the reply.</summary>
public sealed class RpcCall(DevNodeSession session, string method, JsonElement parameters)
{
    private readonly List<Action> _afterReply = [];

    public DevNodeSession Session { get; } = session;
    public DevNodeServer Server => Session.Server;
    public string Method { get; } = method;
    public JsonElement Parameters { get; } = parameters;

    public IReadOnlyList<Action> AfterReply => _afterReply;

    /// <summary>Runs after the reply is queued (e.g. a subscription's first notification, as real nodes order them).</summary>
    public void ThenDo(Action action) => _afterReply.Add(action);

    public int Count => Parameters.ValueKind == JsonValueKind.Array ? Parameters.GetArrayLength() : 0;

    /// <summary>The i-th parameter, or null when missing or JSON null (optional parameters are passed either way).</summary>
    public JsonElement? Param(int i)
        => i < Count && Parameters[i].ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined ? Parameters[i] : null;

    public string? OptionalString(int i) => Param(i) is { } p
        ? p.ValueKind == JsonValueKind.String ? p.GetString() : throw RpcError.InvalidParams($"parameter {i} must be a string")
        : null;

    public string RequiredString(int i) => OptionalString(i) ?? throw RpcError.InvalidParams($"parameter {i} is required");

    /// <summary>A number given as JSON number, "0x" hex or decimal text (clients send all three for block numbers).</summary>
    public ulong? OptionalNumber(int i)
    {
        if (Param(i) is not { } p) return null;
        if (p.ValueKind == JsonValueKind.Number && p.TryGetUInt64(out var n)) return n;
        if (p.ValueKind == JsonValueKind.String)
        {
            var s = p.GetString()!;
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && ulong.TryParse(s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out n))
                return n;
            if (ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n)) return n;
        }
        throw RpcError.InvalidParams($"parameter {i} must be a number");
    }

    public static JsonNode? Hex(ReadOnlySpan<byte> bytes) => JsonValue.Create("0x" + Convert.ToHexStringLower(bytes));
}

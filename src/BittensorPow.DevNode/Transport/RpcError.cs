namespace BittensorPow.DevNode.Transport;

/// <summary>A JSON-RPC error the handler wants sent back (code, message and optional data, as a real node sends them).</summary>
public sealed class RpcError(int code, string message, string? data = null) : Exception(message)
{
    public int Code { get; } = code;
    public string? ErrorData { get; } = data;

    public static RpcError InvalidParams(string message) => new(-32602, "Invalid params", message);
}

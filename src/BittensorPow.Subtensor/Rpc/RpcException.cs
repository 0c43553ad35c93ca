namespace BittensorPow.Subtensor.Rpc;

public sealed class RpcException(RpcErrorKind kind, string message, int? code = null, string? data = null, Exception? inner = null,
    ConnectFailure? connect = null)
    : Exception(message, inner)
{
    public RpcErrorKind Kind { get; } = kind;
    /// <summary>For <see cref="RpcErrorKind.ConnectionFailed"/> while opening the connection: what the last attempt ran into.</summary>
    public ConnectFailure? Connect { get; } = connect;
    public int? Code { get; } = code;
    /// <summary>The error object's "data" (e.g. "Transaction is outdated"); named so as not to hide Exception.Data.</summary>
    public string? ErrorData { get; } = data;
}

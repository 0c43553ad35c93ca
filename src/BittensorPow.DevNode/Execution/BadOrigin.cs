namespace BittensorPow.DevNode.Execution;

/// <summary>A dispatch's origin is not the one the call requires (DispatchError::BadOrigin): ensure_signed on root, a non-owner…</summary>
public sealed class BadOrigin(string call) : Exception($"{call}: bad origin");

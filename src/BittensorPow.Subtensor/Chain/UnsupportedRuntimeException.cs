namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// The connected runtime lacks something a transaction needs (a call, a signed extension this client can encode), or
/// would do something other than asked (a <c>register</c> that burns instead of checking the work).
/// </summary>
public sealed class UnsupportedRuntimeException(string message) : Exception(message);

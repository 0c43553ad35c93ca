namespace BittensorPow.Subtensor.Chain;

/// <summary>The node answered, but not with what the method promises (a header that is not a header, a value that does not decode).</summary>
public sealed class ChainReplyException(string message, Exception? inner = null) : Exception(message, inner);

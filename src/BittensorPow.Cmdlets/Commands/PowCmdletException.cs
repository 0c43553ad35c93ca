namespace BittensorPow.Cmdlets.Commands;

/// <summary>The exception inside our ErrorRecords: the message only, never a stack trace of ours.</summary>
public sealed class PowCmdletException(string message, Exception? inner = null) : Exception(message, inner);

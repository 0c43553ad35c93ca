namespace BittensorPow.Registration.Errors;

/// <summary>The error categories workflows use; each has the name of the PowerShell ErrorCategory it becomes.</summary>
public enum PowErrorCategory
{
    InvalidArgument, InvalidData, InvalidOperation, InvalidResult, ObjectNotFound, NotImplemented, ConnectionError,
    OperationTimeout, PermissionDenied, DeviceError, AuthenticationError, LimitsExceeded, NotInstalled, ReadError, ResourceExists,
}

/// <summary>
/// Whether a failure is about the record being processed (written, and the pipeline goes on with the next record)
/// or makes every later record pointless (no connection, bad parameters), which ends the pipeline.
/// </summary>
public enum PowErrorScope { Record, Pipeline }

/// <summary>
/// A failure as users see it: a stable id (<see cref="ErrorIds"/>, or the pallet's own error name), a category, the
/// offending value, what was wrong and what to do about it. Never carries a secret.
/// </summary>
public sealed record PowError(string Id, PowErrorCategory Category, object? Target, string Message, string RecommendedAction)
{
    /// <summary>The exception behind it, kept for -Debug and $Error[0].Exception.InnerException; never shown as a trace.</summary>
    public Exception? Inner { get; init; }

    public PowErrorScope Scope { get; init; } = PowErrorScope.Record;
}

/// <summary>Carries a <see cref="PowError"/> out of a workflow; the cmdlet writes or throws it as its scope says.</summary>
public sealed class PowException(PowError error) : Exception(error.Message, error.Inner)
{
    public PowError Error { get; } = error;

    public static PowException Argument(string id, object? target, string message, string action) =>
        new(new PowError(id, PowErrorCategory.InvalidArgument, target, message, action));

    /// <summary>A bad parameter (not a piped value): no later record can succeed with it.</summary>
    public static PowException Parameter(string id, object? target, string message, string action) =>
        new(new PowError(id, PowErrorCategory.InvalidArgument, target, message, action) { Scope = PowErrorScope.Pipeline });
}

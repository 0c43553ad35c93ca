namespace BittensorPow.Registration.Errors;

/// <summary>The error categories workflows use; each has the name of the PowerShell ErrorCategory it becomes.</summary>
public enum PowErrorCategory
{
    InvalidArgument, InvalidData, InvalidOperation, InvalidResult, ObjectNotFound, NotImplemented, ConnectionError,
    OperationTimeout, PermissionDenied, DeviceError, AuthenticationError, LimitsExceeded, NotInstalled, ReadError, ResourceExists,
}

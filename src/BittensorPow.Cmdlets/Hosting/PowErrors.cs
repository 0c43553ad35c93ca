using System.Management.Automation;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>Builds ErrorRecords with a stable id, the right category, the offending value and what to do about it.</summary>
internal static class PowErrors
{
    public static ErrorRecord Create(string id, ErrorCategory category, object? target, string message, string recommendedAction, Exception? inner = null)
    {
        var exception = new PowCmdletException(message, inner);
        return new ErrorRecord(exception, id, category, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
        };
    }

    public static ErrorRecord InvalidArgument(string id, object? target, string message, string recommendedAction) =>
        Create(id, ErrorCategory.InvalidArgument, target, message, recommendedAction);
}

/// <summary>Carries an ErrorRecord out of helper code so that the cmdlet can throw or write it as it chooses.</summary>
internal sealed class PowCmdletException(string message, Exception? inner = null) : Exception(message, inner);

internal sealed class PowErrorRecordException(ErrorRecord record) : Exception(record.Exception.Message)
{
    public ErrorRecord Record { get; } = record;
}

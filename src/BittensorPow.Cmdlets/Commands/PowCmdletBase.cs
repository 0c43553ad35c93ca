using System.Diagnostics;
using System.Management.Automation;
using BittensorPow.Registration;
using BittensorPow.Registration.Errors;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// What every cmdlet shares: a token cancelled by StopProcessing (Ctrl+C); the workflows' output interface forwarded to
/// Write*; and errors mapped to ErrorRecords by their scope — about this record: written, and the pipeline goes on;
/// about every record (no connection, bad parameters): terminating.
/// </summary>
public abstract class PowCmdletBase : PSCmdlet, IWorkflowOutput
{
    private readonly CancellationTokenSource _stop = new();
    private static readonly TimeSpan StatisticsEvery = TimeSpan.FromSeconds(1);
    private long _lastStatistics;

    protected CancellationToken Cancellation => _stop.Token;

    protected sealed override void BeginProcessing() => Guard(Begin);
    protected sealed override void ProcessRecord() => Guard(Process);
    protected sealed override void EndProcessing()
    {
        try { Guard(End); }
        finally { _stop.Dispose(); }
    }

    protected override void StopProcessing() => _stop.Cancel();

    protected virtual void Begin() { }
    protected virtual void Process() { }
    protected virtual void End() { }

    void IWorkflowOutput.Verbose(string message) => WriteVerbose(message);
    void IWorkflowOutput.Warning(string message) => WriteWarning(message);
    void IWorkflowOutput.Progress(WorkflowProgress p)
    {
        WriteProgress(new ProgressRecord((int)p.ActivityId, p.Activity, p.Status)
        {
            CurrentOperation = p.CurrentOperation,
            RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
        // The solve's numbers as data, for a spread search's coordinator (silent unless asked for: -InformationAction).
        // At most once a second (and the last one): over remoting every record costs the coordinator CPU to receive.
        if (p.Statistics is { } s && StatisticsDue(p.Completed))
            WriteInformation(new InformationRecord(Remoting.PartitionReport.From(s), Remoting.SpreadSearch.StatisticsTag) { Tags = { Remoting.SpreadSearch.StatisticsTag } });
    }
    bool IWorkflowOutput.ShouldProcess(string target, string action) => ShouldProcess(target, action);

    private bool StatisticsDue(bool last)
    {
        long now = Stopwatch.GetTimestamp();
        if (!last && _lastStatistics != 0 && Stopwatch.GetElapsedTime(_lastStatistics, now) < StatisticsEvery) return false;
        _lastStatistics = now;
        return true;
    }

    protected IWorkflowOutput Output => this;

    public static ErrorRecord ToRecord(PowError error) =>
        new(new PowCmdletException(error.Message, error.Inner), error.Id, Enum.Parse<ErrorCategory>(error.Category.ToString()), error.Target)
        {
            ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction },
        };

    protected void WriteError(PowError error) => WriteError(ToRecord(error));

    private void Guard(Action step)
    {
        try { step(); }
        catch (PowException ex) when (ex.Error.Scope == PowErrorScope.Record) { WriteError(ex.Error); }
        catch (PowException ex) { ThrowTerminatingError(ToRecord(ex.Error)); }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested) { throw new PipelineStoppedException(); }
    }
}

/// <summary>The exception inside our ErrorRecords: the message only, never a stack trace of ours.</summary>
public sealed class PowCmdletException(string message, Exception? inner = null) : Exception(message, inner);

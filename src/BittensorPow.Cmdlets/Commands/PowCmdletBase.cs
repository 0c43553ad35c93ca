namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// What every cmdlet shares: a token cancelled by StopProcessing (Ctrl+C); the workflows' output interface forwarded to
/// Write*; and errors mapped to ErrorRecords by their scope — about this record: written, and the pipeline goes on;
/// about every record (no connection, bad parameters): terminating.
/// </summary>
public abstract class PowCmdletBase : PSCmdlet, IWorkflowOutput
{
    private readonly CancellationTokenSource _stop = new();

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
        // The solve's numbers as data (silent unless asked for: -InformationAction, -InformationVariable).
        if (p.Statistics is { } s) WriteInformation(SolveReport.From(s).ToFields(), [SolveReport.Tag]);
    }
    bool IWorkflowOutput.ShouldProcess(string target, string action)
    {
        try { return ShouldProcess(target, action); }
        // A host that cannot ask: -NonInteractive, a runspace without a UI, or console input at its end (a script run
        // with stdin redirected, where the console host's prompt fails with a NullReferenceException of its own).
        catch (Exception e) when (e is HostException or PSInvalidOperationException or NullReferenceException)
        {
            throw new PowException(new PowError(ErrorIds.ConfirmationUnavailable, PowErrorCategory.InvalidOperation, target,
                $"{MyInvocation.MyCommand.Name} asks before it changes chain state (\"{action}\" on {target}), and this host cannot ask.",
                "Add -Confirm:$false to go ahead without asking (in scripts and jobs), or -WhatIf to see what would be done.")
            {
                Scope = PowErrorScope.Pipeline,
            });
        }
    }

    protected IWorkflowOutput Output => this;

    /// <summary>The parameter's value where the user gave it; null where only its default stands.</summary>
    protected T? Given<T>(string parameter, T value) where T : struct => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : null;

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

using System.Management.Automation;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Subtensor.Native;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Cancellation and error plumbing shared by every cmdlet: a token cancelled by StopProcessing (Ctrl+C),
/// and PowErrorRecordException turned into the ErrorRecord it carries.
/// </summary>
public abstract class PowCmdletBase : PSCmdlet
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

    /// <summary>Terminating for this record only: writes the error and lets the pipeline go on.</summary>
    protected bool TryRun(Action action)
    {
        try { action(); return true; }
        catch (PowErrorRecordException ex) { WriteError(ex.Record); return false; }
    }

    private void Guard(Action step)
    {
        try { step(); }
        catch (PowErrorRecordException ex) { ThrowTerminatingError(ex.Record); }
        // Whichever cmdlet unlocks a coldkey first meets a missing libsodium; one place maps it for all of them.
        catch (LibsodiumUnavailableException ex) { ThrowTerminatingError(WalletErrors.ToRecord(ex).Record); }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested) { throw new PipelineStoppedException(); }
    }
}

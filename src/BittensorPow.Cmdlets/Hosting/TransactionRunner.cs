using System.Collections.Concurrent;
using System.Management.Automation;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// Submits a signed transaction and follows it from the pipeline thread: status changes become verbose lines,
/// node refusals and timeouts become ErrorRecords with stable ids.
/// </summary>
internal static class TransactionRunner
{
    public static SubmissionResult Submit(PSCmdlet cmdlet, ChainSession chain, SignedTransaction transaction, WaitFor waitFor, TimeSpan timeout, CancellationToken cancellation)
    {
        var progress = new ConcurrentQueue<string>();
        cmdlet.WriteVerbose($"Submitting {transaction.Call} {transaction.HashHex} (account nonce {transaction.AccountNonce}, era born at #{transaction.BirthBlock}); waiting for {waitFor}.");
        var task = ExtrinsicSubmitter.SubmitAndWatchAsync(chain.Client, transaction, waitFor, timeout, progress.Enqueue, cancellation);
        try
        {
            while (!task.Wait(TimeSpan.FromMilliseconds(200)))
            {
                while (progress.TryDequeue(out var line)) cmdlet.WriteVerbose(line);
                cmdlet.WriteProgress(new ProgressRecord(3, $"Submitting {transaction.Call}", $"waiting for {waitFor}"));
            }
        }
        catch (AggregateException) { }
        finally
        {
            while (progress.TryDequeue(out var line)) cmdlet.WriteVerbose(line);
            if (!cancellation.IsCancellationRequested)
                cmdlet.WriteProgress(new ProgressRecord(3, $"Submitting {transaction.Call}", "Done") { RecordType = ProgressRecordType.Completed });
        }
        try { return task.GetAwaiter().GetResult(); }
        catch (TransactionRejectedException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create("TransactionRejected", ErrorCategory.InvalidOperation, transaction.HashHex, ex.Message,
                "See the node's reason above; solve again (New-PowSolution) if the transaction is outdated.", ex));
        }
        catch (SubmissionTimeoutException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create("SubmissionTimeout", ErrorCategory.OperationTimeout, transaction.HashHex, ex.Message,
                "The transaction may still be included: check with Get-SubtensorBlock / a block explorer before submitting again.", ex));
        }
        catch (UnsupportedRuntimeException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create("UnsupportedRuntime", ErrorCategory.NotImplemented, chain.Endpoint, ex.Message,
                "This runtime does not offer that call in a form this module can sign.", ex));
        }
        catch (Exception ex) when (ex is Subtensor.Rpc.RpcException or ChainReplyException)
        {
            return ChainSession.Run<SubmissionResult>(() => throw ex, chain.Endpoint);
        }
    }
}

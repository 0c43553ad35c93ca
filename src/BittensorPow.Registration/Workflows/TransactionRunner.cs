using System.Collections.Concurrent;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Submits a signed transaction and follows it from the workflow's thread: status changes become verbose lines,
/// node refusals and timeouts become errors with stable ids.
/// </summary>
public static class TransactionRunner
{
    public const int ProgressId = 3;

    /// <param name="deadline">The span this submission is part of, told when the node has taken the transaction, so that
    /// running out says whether it was submitting or waiting for inclusion.</param>
    public static SubmissionResult Submit(ChainSession chain, SignedTransaction transaction, WaitFor waitFor, TimeSpan timeout, IWorkflowOutput output,
        CancellationToken cancellation, CallDeadline? deadline = null)
    {
        var progress = new ConcurrentQueue<string>();
        output.Verbose($"Submitting {transaction.Call} {transaction.HashHex} (account nonce {transaction.AccountNonce}, era born at #{transaction.BirthBlock}); waiting for {waitFor}.");
        deadline?.Enter($"submitting {transaction.Call} {transaction.HashHex} to {chain.Endpoint}", ErrorIds.SubmissionTimeout);
        void OnProgress(string line)
        {
            if (line.StartsWith("Submitted ", StringComparison.Ordinal))
                deadline?.Enter(waitFor == WaitFor.Finalized ? $"waiting for {transaction.Call} {transaction.HashHex} to be finalized"
                    : $"waiting for inclusion of {transaction.Call} {transaction.HashHex} in a block", ErrorIds.SubmissionTimeout);
            progress.Enqueue(line);
        }
        var task = ExtrinsicSubmitter.SubmitAndWatchAsync(chain.Client, transaction, waitFor, timeout, OnProgress, cancellation);
        try
        {
            while (!task.Wait(TimeSpan.FromMilliseconds(200)))
            {
                while (progress.TryDequeue(out var line)) output.Verbose(line);
                output.Progress(new WorkflowProgress(ProgressId, $"Submitting {transaction.Call}", $"waiting for {waitFor}"));
            }
        }
        catch (AggregateException) { }
        finally
        {
            while (progress.TryDequeue(out var line)) output.Verbose(line);
            if (!cancellation.IsCancellationRequested)
                output.Progress(new WorkflowProgress(ProgressId, $"Submitting {transaction.Call}", "Done", Completed: true));
        }
        try { return task.GetAwaiter().GetResult(); }
        catch (TransactionRejectedException ex)
        {
            throw new PowException(new PowError(ErrorIds.TransactionRejected, PowErrorCategory.InvalidOperation, transaction.HashHex, ex.Message,
                "See the node's reason above; solve again (New-PowSolution) if the transaction is outdated.", ex));
        }
        catch (SubmissionTimeoutException ex)
        {
            throw new PowException(new PowError(ErrorIds.SubmissionTimeout, PowErrorCategory.OperationTimeout, transaction.HashHex, ex.Message,
                "The transaction may still be included: check with Get-SubtensorBlock / a block explorer before submitting again.", ex));
        }
        catch (Exception ex) when (ChainFailures.Describe(ex, chain.Endpoint) is { } error)
        {
            throw new PowException(error);
        }
    }
}

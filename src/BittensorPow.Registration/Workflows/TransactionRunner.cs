namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Submits a signed transaction and follows it from the workflow's thread: status changes become verbose lines,
/// node refusals and timeouts become errors with stable ids.
/// </summary>
public static class TransactionRunner
{
    private const ProgressActivity ProgressId = ProgressActivity.Submitting;

    public static SubmissionResult Submit(ChainSession chain, Submission submission, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (transaction, waitFor, timeout) = submission;
        var (deadline, resign) = (submission.Deadline, submission.Resign);
        var progress = new ConcurrentQueue<string>();
        output.Verbose($"Submitting {transaction.Call} {transaction.HashHex} (account nonce {transaction.AccountNonce}, " +
            $"era born at #{transaction.BirthBlock}); waiting for {waitFor}.");
        string doing = $"submitting {transaction.Call} {transaction.HashHex} to {chain.Endpoint}";
        deadline?.Enter(doing, ErrorIds.SubmissionTimeout);
        void OnAccepted()
        {
            doing = waitFor == WaitFor.Finalized ? $"waiting for {transaction.Call} {transaction.HashHex} to be finalized"
                : $"waiting for inclusion of {transaction.Call} {transaction.HashHex} in a block";
            deadline?.Enter(doing, ErrorIds.SubmissionTimeout);
        }
        // The node going away for good ends the wait at once (NodeLost), not when the timeout has run out.
        using var said = chain.Node.Doing(() => doing);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellation, chain.Node.LostToken);
        var task = ExtrinsicSubmitter.SubmitAndWatchAsync(chain.Client, transaction, waitFor, timeout, progress.Enqueue, watch.Token, OnAccepted);
        try
        {
            while (!task.Wait(TimeSpan.FromMilliseconds(200)))
            {
                chain.Node.Speak(output);
                while (progress.TryDequeue(out var line)) output.Verbose(line);
                output.Progress(new WorkflowProgress(ProgressId, $"Submitting {transaction.Call}", $"waiting for {waitFor}"));
            }
        }
        catch (AggregateException) { }
        finally
        {
            chain.Node.Speak(output);
            while (progress.TryDequeue(out var line)) output.Verbose(line);
            if (!cancellation.IsCancellationRequested)
                output.Progress(new WorkflowProgress(ProgressId, $"Submitting {transaction.Call}", "Done") { Completed = true });
        }
        try { return task.GetAwaiter().GetResult(); }
        catch (Exception ex) when (!cancellation.IsCancellationRequested && NodeGone(chain.Node, ex) is { } gone) { throw gone; }
        catch (TransactionRejectedException ex)
            when (ex.Reason == RejectionReason.BadSignature && resign is not null && transaction.SignedFor is not null)
        {
            var signedFor = transaction.SignedFor;
            var now = chain.Call(() => chain.Client.RefreshRuntimeAsync(cancellation));
            if (!now.DiffersFrom(signedFor)) throw Rejected(transaction, ex);
            output.Verbose($"The node refused {transaction.HashHex}: it was signed for spec {signedFor.SpecVersion} " +
                $"(transaction version {signedFor.TransactionVersion}), and the node runs spec {now.Version.SpecVersion} " +
                $"(transaction version {now.Version.TransactionVersion}) now; signing again.");
            return Submit(chain, submission with { Transaction = resign(), Resign = null }, output, cancellation);
        }
        catch (TransactionRejectedException ex) { throw Rejected(transaction, ex); }
        catch (SubmissionTimeoutException ex)
        {
            throw new PowException(new PowError(ErrorIds.SubmissionTimeout, PowErrorCategory.OperationTimeout, transaction.HashHex, ex.Message,
                "The transaction may still be included: check with Get-SubtensorBlock / a block explorer before submitting again.")
            { Inner = ex });
        }
        catch (Exception ex) when (ChainFailures.Describe(ex, chain.Endpoint) is { } error)
        {
            throw new PowException(error);
        }
    }

    /// <summary>
    /// NodeLost when the node is gone, or when the wait ran out while it was away: then the transaction's fate is not
    /// a timeout's but a lost node's.
    /// </summary>
    private static PowException? NodeGone(NodeWatch node, Exception ex) => ex switch
    {
        _ when node.IsLost && ex is OperationCanceledException or RpcException or SubmissionTimeoutException
            => node.Gone(after: CallDeadline.SubmittedMayLand, inner: ex),
        SubmissionTimeoutException or RpcException { Kind: RpcErrorKind.Timeout } when node.IsAway
            => node.Gone("the wait for it ran out", CallDeadline.SubmittedMayLand, ex),
        _ => null,
    };

    private static PowException Rejected(SignedTransaction transaction, TransactionRejectedException ex) =>
        new(new PowError(ErrorIds.TransactionRejected, PowErrorCategory.InvalidOperation, transaction.HashHex, ex.Message,
            "See the node's reason above; solve again (New-PowSolution) if the transaction is outdated.")
        { Inner = ex });
}

namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Submits a signed extrinsic and follows it: author_submitExtrinsic for <see cref="WaitFor.None"/>, otherwise
/// author_submitAndWatchExtrinsic with its status stream, then the block's events to tell success from failure.
/// Every wait is bounded by the caller's timeout.
/// </summary>
public static class ExtrinsicSubmitter
{
    /// <summary>Unwatching after the final status is best effort; never let it hold the caller up for long.</summary>
    private static readonly TimeSpan UnwatchLimit = TimeSpan.FromSeconds(5);

    /// <exception cref="TransactionRejectedException">The node refused the transaction (nonce, signature, fees, a runtime check…).</exception>
    /// <exception cref="SubmissionTimeoutException">The wanted status did not come within <paramref name="timeout"/>.</exception>
    /// <exception cref="RpcException">The connection failed (the transaction may or may not have reached the node).</exception>
    /// <exception cref="ChainReplyException">The node's replies did not make sense (unknown block, undecodable events).</exception>
    public static Task<SubmissionResult> SubmitAndWatchAsync(SubtensorClient client, byte[] extrinsic, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress = null, CancellationToken cancellation = default) =>
        SubmitAndWatchAsync(client, extrinsic, null, waitFor, timeout, progress, null, cancellation);

    /// <param name="window">
    /// The blocks the extrinsic's era allows (birth, death) and the birth block's hash it was signed against; null when
    /// only its bytes are known.
    /// </param>
    private static async Task<SubmissionResult> SubmitAndWatchAsync(SubtensorClient client, byte[] extrinsic,
        (ulong From, ulong Until, byte[] BirthHash)? window, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress, Action? accepted, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(extrinsic);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        var hash = SubstrateHash.Blake2b256(extrinsic);
        return waitFor == WaitFor.None
            ? await SubmitOnlyAsync(client.Rpc, extrinsic, hash, timeout, progress, accepted, cancellation).ConfigureAwait(false)
            : await WatchAsync(client, extrinsic, hash, window, waitFor, timeout, progress, accepted, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc cref="SubmitAndWatchAsync(SubtensorClient, byte[], WaitFor, TimeSpan, Action{string}?, CancellationToken)"/>
    /// <param name="accepted">Called once the node has taken the transaction (the watch is waiting for its status from then on).</param>
    public static Task<SubmissionResult> SubmitAndWatchAsync(SubtensorClient client, SignedTransaction transaction, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress = null, CancellationToken cancellation = default, Action? accepted = null) =>
        SubmitAndWatchAsync(client, (transaction ?? throw new ArgumentNullException(nameof(transaction))).Bytes,
            transaction.Era.IsImmortal
                ? null
                : (transaction.BirthBlock, transaction.Era.Death(transaction.BirthBlock), transaction.BirthBlockHash),
            waitFor, timeout, progress, accepted, cancellation);

    private static async Task<SubmissionResult> SubmitOnlyAsync(IRpcClient rpc, byte[] extrinsic, byte[] hash, TimeSpan timeout,
        Action<string>? progress, Action? accepted, CancellationToken ct)
    {
        JsonElement reply;
        try
        {
            reply = await rpc.CallAsync("author_submitExtrinsic", [Hex.Encode(extrinsic)], ct, timeout).ConfigureAwait(false);
        }
        catch (RpcException e) when (TransactionRejections.TryFrom(e) is { } rejected)
        {
            throw rejected;
        }
        catch (RpcException e) when (e.Kind == RpcErrorKind.Timeout)
        {
            throw new SubmissionTimeoutException(hash, WaitFor.None, timeout, null, null);
        }
        // The node answers with the hash it computed; a different one would mean it saw other bytes.
        if (reply.ValueKind == JsonValueKind.String && !string.Equals(reply.GetString(), Hex.Encode(hash), StringComparison.OrdinalIgnoreCase))
            progress?.Invoke($"The node reported hash {reply.GetString()} for extrinsic {Hex.Encode(hash)}.");
        accepted?.Invoke();
        progress?.Invoke($"Submitted {Hex.Encode(hash)}.");
        return new SubmissionResult(hash, TransactionStatus.Submitted, null, null, null, null, [], null);
    }

    private static async Task<SubmissionResult> WatchAsync(SubtensorClient client, byte[] extrinsic, byte[] hash,
        (ulong From, ulong Until, byte[] BirthHash)? window, WaitFor waitFor,
        TimeSpan timeout, Action<string>? progress, Action? accepted, CancellationToken ct)
    {
        // Notifications arrive on the client's thread; a channel hands them to this method in order.
        var updates = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        TransactionStatus? last = null;
        string? inBlock = null;
        IAsyncDisposable? subscription = null;
        // The client never re-sends a watch after a reconnect (that would submit again); when it says so, the
        // extrinsic is looked for in the blocks instead, from the head at submission on.
        var watchLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnConnection(ConnectionEvent e)
        {
            if (e is { Kind: ConnectionEventKind.NotResubscribed, Method: "author_submitAndWatchExtrinsic" }) watchLost.TrySetResult();
        }
        client.Rpc.ConnectionChanged += OnConnection;
        try
        {
            try
            {
                subscription = await client.Rpc.SubscribeAsync("author_submitAndWatchExtrinsic", [Hex.Encode(extrinsic)], "author_unwatchExtrinsic",
                    n => updates.Writer.TryWrite(n.Clone()), deadline.Token).ConfigureAwait(false);
            }
            catch (RpcException e) when (TransactionRejections.TryFrom(e) is { } rejected)
            {
                throw rejected;
            }
            accepted?.Invoke();
            progress?.Invoke($"Submitted {Hex.Encode(hash)}; waiting for {(waitFor == WaitFor.Finalized ? "finalization" : "inclusion")}.");

            while (true)
            {
                var read = updates.Reader.ReadAsync(deadline.Token).AsTask();
                if (await Task.WhenAny(read, watchLost.Task).ConfigureAwait(false) == watchLost.Task && !read.IsCompleted)
                    return await FollowInBlocksAsync(client, hash, window, waitFor, progress, deadline.Token).ConfigureAwait(false);
                var json = await read.ConfigureAwait(false);
                TransactionStatusUpdate update;
                try { update = TransactionStatusUpdate.Parse(json); }
                catch (ChainReplyException e) { progress?.Invoke(e.Message); continue; } // one odd notification must not end the watch
                last = update.Status;
                progress?.Invoke(update.BlockHash is null ? $"Status: {update.Status}." : $"Status: {update.Status} ({update.BlockHash}).");
                switch (update.Status)
                {
                    case TransactionStatus.InBlock:
                        inBlock = update.BlockHash;
                        if (waitFor == WaitFor.InBlock) return await InspectAsync(client, hash, update, progress, ct).ConfigureAwait(false);
                        break;
                    case TransactionStatus.Retracted:
                        inBlock = null; // the node keeps watching; it may land in another block
                        break;
                    case TransactionStatus.Finalized or TransactionStatus.FinalityTimeout:
                        // Included either way: its events say what it did, even if finality is not confirmed.
                        return await InspectAsync(client, hash, update, progress, ct).ConfigureAwait(false);
                    case TransactionStatus.Usurped or TransactionStatus.Dropped or TransactionStatus.Invalid:
                        return new SubmissionResult(hash, update.Status, null, null, null, null, [], null);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new SubmissionTimeoutException(hash, waitFor, timeout, last, inBlock);
        }
        catch (RpcException e) when (e.Kind == RpcErrorKind.Timeout)
        {
            throw new SubmissionTimeoutException(hash, waitFor, timeout, last, inBlock);
        }
        finally
        {
            client.Rpc.ConnectionChanged -= OnConnection;
            updates.Writer.TryComplete();
            if (subscription is not null) await UnwatchAsync(subscription, progress).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The status stream ended with the connection: find the extrinsic in the blocks (it carries a mortal era, so after
    /// its last valid block it can no longer land: then it counts as dropped).
    /// </summary>
    private static async Task<SubmissionResult> FollowInBlocksAsync(SubtensorClient client, byte[] hash,
        (ulong From, ulong Until, byte[] BirthHash)? window, WaitFor waitFor, Action<string>? progress, CancellationToken ct)
    {
        progress?.Invoke("The watch ended with the connection; looking for the extrinsic in the chain's blocks instead.");
        if (window is { } w && !await HoldsBlockAsync(client, w.From, w.BirthHash, ct).ConfigureAwait(false))
        {
            // Signed against a block this chain does not have (the node came back as a restarted chain): no block of it
            // can ever hold the extrinsic, so waiting for its era to end would only wait.
            progress?.Invoke($"The chain no longer holds block #{w.From} {Hex.Encode(w.BirthHash)}, "
                + $"which {Hex.Encode(hash)} was signed against (the node came back as another chain): dropped.");
            return new SubmissionResult(hash, TransactionStatus.Dropped, null, null, null, null, [], null);
        }
        // Without the era (raw bytes only) the default mortality around the current head bounds the search.
        ulong head = (await client.GetHeadAsync(ct).ConfigureAwait(false)).Number;
        ulong from = window?.From ?? head - Math.Min(head, TransactionOptions.DefaultEraPeriod);
        ulong lastValid = window?.Until ?? head + TransactionOptions.DefaultEraPeriod;
        var found = await InclusionSearch.FindAsync(client, hash, from, lastValid, progress, ct).ConfigureAwait(false);
        if (found is not { } f)
        {
            progress?.Invoke($"{Hex.Encode(hash)} is in no block up to #{lastValid}, where its era ends: dropped.");
            return new SubmissionResult(hash, TransactionStatus.Dropped, null, null, null, null, [], null);
        }
        var status = TransactionStatus.InBlock;
        if (waitFor == WaitFor.Finalized)
        {
            await InclusionSearch.WaitFinalizedAsync(client, f.Number, ct).ConfigureAwait(false);
            status = TransactionStatus.Finalized;
        }
        return await InspectAsync(client, hash, new TransactionStatusUpdate(status, f.BlockHash), progress, ct).ConfigureAwait(false);
    }

    private static async Task<bool> HoldsBlockAsync(SubtensorClient client, ulong number, byte[] hash, CancellationToken ct)
    {
        try { return (await client.GetBlockHashAsync(number, ct).ConfigureAwait(false)).AsSpan().SequenceEqual(hash); }
        catch (BlockNotFoundException) { return false; }
    }

    private static async Task<SubmissionResult> InspectAsync(SubtensorClient client, byte[] hash, TransactionStatusUpdate update,
        Action<string>? progress, CancellationToken ct)
    {
        var inclusion = await InclusionInspector.InspectAsync(client, update.BlockHash!, hash, ct).ConfigureAwait(false);
        var result = new SubmissionResult(hash, update.Status, update.BlockHash, inclusion.Index, inclusion.Success,
            inclusion.DispatchError, inclusion.Events, inclusion.Registration);
        progress?.Invoke(result.ToString());
        return result;
    }

    private static async Task UnwatchAsync(IAsyncDisposable subscription, Action<string>? progress)
    {
        try
        {
            await subscription.DisposeAsync().AsTask().WaitAsync(UnwatchLimit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or RpcException or ObjectDisposedException)
        {
            // The node ends the subscription itself after a final status; failing to unwatch loses nothing.
            progress?.Invoke($"author_unwatchExtrinsic did not complete: {e.Message}");
        }
    }
}

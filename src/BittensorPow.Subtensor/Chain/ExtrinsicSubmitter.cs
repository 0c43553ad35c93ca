using System.Text.Json;
using System.Threading.Channels;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Subtensor.Chain;

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
    public static async Task<SubmissionResult> SubmitAndWatchAsync(SubtensorClient client, byte[] extrinsic, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(extrinsic);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        var hash = SubstrateHash.Blake2b256(extrinsic);
        return waitFor == WaitFor.None
            ? await SubmitOnlyAsync(client.Rpc, extrinsic, hash, timeout, progress, cancellation).ConfigureAwait(false)
            : await WatchAsync(client, extrinsic, hash, waitFor, timeout, progress, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc cref="SubmitAndWatchAsync(SubtensorClient, byte[], WaitFor, TimeSpan, Action{string}?, CancellationToken)"/>
    public static Task<SubmissionResult> SubmitAndWatchAsync(SubtensorClient client, SignedTransaction transaction, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress = null, CancellationToken cancellation = default) =>
        SubmitAndWatchAsync(client, (transaction ?? throw new ArgumentNullException(nameof(transaction))).Bytes, waitFor, timeout, progress, cancellation);

    private static async Task<SubmissionResult> SubmitOnlyAsync(IRpcClient rpc, byte[] extrinsic, byte[] hash, TimeSpan timeout,
        Action<string>? progress, CancellationToken ct)
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
        progress?.Invoke($"Submitted {Hex.Encode(hash)}.");
        return new SubmissionResult(hash, TransactionStatus.Submitted, null, null, null, null, [], null);
    }

    private static async Task<SubmissionResult> WatchAsync(SubtensorClient client, byte[] extrinsic, byte[] hash, WaitFor waitFor, TimeSpan timeout,
        Action<string>? progress, CancellationToken ct)
    {
        // Notifications arrive on the client's thread; a channel hands them to this method in order.
        var updates = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        TransactionStatus? last = null;
        string? inBlock = null;
        IAsyncDisposable? subscription = null;
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
            progress?.Invoke($"Submitted {Hex.Encode(hash)}; waiting for {(waitFor == WaitFor.Finalized ? "finalization" : "inclusion")}.");

            while (true)
            {
                var json = await updates.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
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
            updates.Writer.TryComplete();
            if (subscription is not null) await UnwatchAsync(subscription, progress).ConfigureAwait(false);
        }
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

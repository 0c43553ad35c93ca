using BittensorPow.Subtensor.Chain.Blocks;

namespace BittensorPow.Registration.Chain;

/// <summary>Waits, on the node's new-heads subscription, for a head past a given block.</summary>
public static class HeadWait
{
    /// <summary>The first head numbered above <paramref name="number"/> (the head now, when it already is).</summary>
    public static BlockHeader After(ChainSession chain, ulong number, CancellationToken cancellation)
    {
        var next = new TaskCompletionSource<BlockHeader>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHead(BlockHeader header)
        {
            if (header.Number > number) next.TrySetResult(header);
        }
        var subscription = chain.Call(() => chain.Client.SubscribeNewHeadsAsync(OnHead, cancellation));
        try
        {
            // A head that came between the caller's read and the subscription is not announced again.
            var now = chain.Head(cancellation);
            if (now.Number > number) return now;
            return chain.Call(() => next.Task.WaitAsync(cancellation));
        }
        finally { _ = Unsubscribe(subscription); }
    }

    private static async Task Unsubscribe(IAsyncDisposable subscription)
    {
        try { await subscription.DisposeAsync().ConfigureAwait(false); }
        catch (Exception) { } // the connection may be closing; nothing is left to clean up
    }
}

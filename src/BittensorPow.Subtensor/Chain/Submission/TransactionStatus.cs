namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>Where a submitted extrinsic stands, as <c>author_extrinsicUpdate</c> reports it (plus Submitted for fire-and-forget).</summary>
public enum TransactionStatus
{
    /// <summary>Accepted by author_submitExtrinsic; not watched further.</summary>
    Submitted,
    /// <summary>In the pool, waiting for an earlier nonce.</summary>
    Future,
    Ready,
    Broadcast,
    InBlock,
    /// <summary>The block holding it left the best chain; it may come back in another block.</summary>
    Retracted,
    /// <summary>Its block was not finalized within the node's limit (512 blocks); the node stops watching.</summary>
    FinalityTimeout,
    Finalized,
    /// <summary>Replaced by another transaction with the same nonce (and a higher priority).</summary>
    Usurped,
    /// <summary>Pushed out of a full pool.</summary>
    Dropped,
    /// <summary>No longer valid (e.g. its nonce or era went stale while it waited).</summary>
    Invalid,
}

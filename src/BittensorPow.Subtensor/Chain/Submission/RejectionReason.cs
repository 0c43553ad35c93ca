namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>Why the node refused a transaction at submission (JSON-RPC errors 1001–1099 of author_submit*).</summary>
public enum RejectionReason
{
    /// <summary>Nonce already used, or the era expired ("Transaction is outdated").</summary>
    Outdated,
    /// <summary>"Transaction has a bad signature": wrong key, genesis, spec/tx version or birth block.</summary>
    BadSignature,
    /// <summary>"Inability to pay some fees (e.g. account balance too low)".</summary>
    CannotPayFees,
    /// <summary>"Transaction would exhaust the block limits".</summary>
    ExhaustsResources,
    /// <summary>"Transaction will be valid in the future": the nonce is ahead of the account's.</summary>
    Future,
    /// <summary>"Transaction has an ancient birth block": the era's birth block is too old or unknown.</summary>
    AncientBirthBlock,
    /// <summary>"Transaction call is not expected".</summary>
    CallNotExpected,
    /// <summary>"Custom error: N": the runtime's own check (subtensor's transaction extension).</summary>
    Custom,
    /// <summary>1011: the node could not decide validity (e.g. "CannotLookup").</summary>
    UnknownValidity,
    /// <summary>1012: the hash was rejected recently and is banned for a while.</summary>
    TemporarilyBanned,
    /// <summary>1013: the same transaction is already in the pool.</summary>
    AlreadyImported,
    /// <summary>1014: another transaction with the same nonce and at least this priority is in the pool.</summary>
    PriorityTooLow,
    /// <summary>1016: the pool is full.</summary>
    PoolFull,
    /// <summary>1001/1002: the bytes are not a valid extrinsic for this runtime.</summary>
    BadFormat,
    /// <summary>Any other refusal; <see cref="TransactionRejectedException.NodeText"/> has the node's words.</summary>
    Other,
}

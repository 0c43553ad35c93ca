namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>How long <see cref="ExtrinsicSubmitter"/> follows a transaction.</summary>
public enum WaitFor
{
    /// <summary>Hand it to the node (author_submitExtrinsic) and return; the outcome is not known.</summary>
    None,
    /// <summary>Until it is in a best block; its events are read there (the block may still be retracted).</summary>
    InBlock,
    /// <summary>Until its block is finalized.</summary>
    Finalized,
}

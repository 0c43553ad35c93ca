namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// The node refused to accept the transaction into its pool: it never executed and costs nothing. Holds no secrets:
/// only the node's error text, which does not echo the extrinsic.
/// </summary>
public sealed class TransactionRejectedException(
    int code, RejectionReason reason, int? customCode, string nodeText, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>
    /// The JSON-RPC error code (1010 invalid, 1011 unknown validity, 1012 banned, 1013 already imported, 1014 priority too
    /// low…).
    /// </summary>
    public int Code { get; } = code;
    public RejectionReason Reason { get; } = reason;
    /// <summary>N of "Custom error: N" (see <see cref="CustomTransactionErrors"/>), else null.</summary>
    public int? CustomCode { get; } = customCode;
    /// <summary>The node's message and data, as sent.</summary>
    public string NodeText { get; } = nodeText;
}

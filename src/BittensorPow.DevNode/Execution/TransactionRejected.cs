namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Why the pool refused a transaction, as a Substrate node's author RPCs report it (sc-rpc-api author errors):
/// code 1010 "Invalid Transaction" / 1011 "Unknown Transaction Validity" with the sp-runtime reason as data,
/// 1001 for bytes that are not an extrinsic at all, 1002 when the runtime cannot decode it, 1013/1014 for pool clashes.
/// </summary>
public sealed class TransactionRejected(int code, string message, string? data) : Exception(data is null ? message : $"{message}: {data}")
{
    public int Code { get; } = code;
    public string RpcMessage { get; } = message;
    public string? ErrorData { get; } = data;

    private static TransactionRejected Invalid(string reason) => new(1010, "Invalid Transaction", reason);

    // InvalidTransaction's Display texts (sp_runtime::transaction_validity).
    public static TransactionRejected Stale => Invalid("Transaction is outdated");
    public static TransactionRejected BadProof => Invalid("Transaction has a bad signature");
    public static TransactionRejected AncientBirthBlock => Invalid("Transaction has an ancient birth block");
    public static TransactionRejected Future => Invalid("Transaction will be valid in the future");
    public static TransactionRejected BadSigner => Invalid("Invalid signing address");

    /// <summary>InvalidTransaction::Custom(n), which a node's author RPC reports as "Custom error: n".</summary>
    public static TransactionRejected Custom(byte code) => Invalid($"Custom error: {code}");

    public static TransactionRejected NoUnsignedValidator
        => new(1011, "Unknown Transaction Validity", "Could not find an unsigned validator for the unsigned transaction");

    public static TransactionRejected BadFormat(string detail) => new(1001, $"Extrinsic has invalid format: {detail}", null);

    public static TransactionRejected CannotDecode(string detail)
        => new(1002, "Verification Error: Runtime error: Execution failed: Could not decode `UncheckedExtrinsic`", detail);

    public static TransactionRejected AlreadyImported => new(1013, "Transaction Already Imported", "The transaction is already in the pool.");

    public static TransactionRejected TooLowPriority
        => new(1014, "Priority is too low: (0 vs 0)", "The transaction has too low priority to replace another transaction already in the pool.");
}

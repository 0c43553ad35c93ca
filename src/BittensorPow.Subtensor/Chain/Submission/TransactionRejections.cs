namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Turns a submission's JSON-RPC error into a <see cref="TransactionRejectedException"/>. Substrate nodes send
/// <c>{"code":1010,"message":"Invalid Transaction","data":"Transaction is outdated"}</c>; chopsticks puts the
/// runtime's TransactionValidityError as JSON in the message and sends no data
/// (<c>{"code":1010,"message":"{\"invalid\":{\"stale\":null}}"}</c>). Both are read.
/// </summary>
public static partial class TransactionRejections
{
    public const int InvalidTransaction = 1010, UnknownValidity = 1011, TemporarilyBanned = 1012, AlreadyImported = 1013,
        PriorityTooLow = 1014, ImmediatelyDropped = 1016;

    /// <summary>The rejection an error stands for, or null when it is not a transaction-pool error (codes 1001–1099).</summary>
    public static TransactionRejectedException? TryFrom(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind != RpcErrorKind.Remote || error.Code is not (>= 1001 and <= 1099) || error.Code is not int code) return null;
        // error.Message already quotes the node's words (RpcIncomingMessage); its data is quoted here the same way.
        var nodeText = error.ErrorData is { Length: > 0 } data ? $"{error.Message}: {PeerText.Quote(data)}" : error.Message;
        var (reason, custom) = Classify(code, error.Message, error.ErrorData);
        return new TransactionRejectedException(code, reason, custom, nodeText,
            Explain(reason, custom) + $" (node said: {nodeText}; code {code})", error);
    }

    private static (RejectionReason, int?) Classify(int code, string message, string? data)
    {
        switch (code)
        {
            case 1001 or 1002: return (RejectionReason.BadFormat, null);
            case TemporarilyBanned: return (RejectionReason.TemporarilyBanned, null);
            case AlreadyImported: return (RejectionReason.AlreadyImported, null);
            case PriorityTooLow: return (RejectionReason.PriorityTooLow, null);
            case ImmediatelyDropped: return (RejectionReason.PoolFull, null);
        }
        if (FromValidityJson(message) is { } fromJson) return fromJson;
        var text = $"{data} {message}";
        if (CustomPattern().Match(text) is { Success: true } m && int.TryParse(m.Groups[1].Value, out var n))
            return (code == UnknownValidity ? RejectionReason.UnknownValidity : RejectionReason.Custom, n);
        if (code == UnknownValidity) return (RejectionReason.UnknownValidity, null);
        return (FromText(text) ?? RejectionReason.Other, null);
    }

    /// <summary>Substrate's texts for InvalidTransaction (sp_runtime), matched loosely so wording tweaks still land.</summary>
    private static RejectionReason? FromText(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("outdated")) return RejectionReason.Outdated;
        if (t.Contains("bad signature")) return RejectionReason.BadSignature;
        if (t.Contains("pay some fees")) return RejectionReason.CannotPayFees;
        if (t.Contains("exhaust the block limits")) return RejectionReason.ExhaustsResources;
        if (t.Contains("valid in the future")) return RejectionReason.Future;
        if (t.Contains("ancient birth block")) return RejectionReason.AncientBirthBlock;
        if (t.Contains("call is not expected")) return RejectionReason.CallNotExpected;
        if (t.Contains("temporarily banned")) return RejectionReason.TemporarilyBanned;
        if (t.Contains("already imported")) return RejectionReason.AlreadyImported;
        if (t.Contains("priority is too low") || t.Contains("too low priority")) return RejectionReason.PriorityTooLow;
        return null;
    }

    /// <summary>Chopsticks: {"invalid":{"stale":null}}, {"invalid":{"custom":5}}, {"unknown":{"cannotLookup":null}}.</summary>
    private static (RejectionReason, int?)? FromValidityJson(string message)
    {
        if (!message.TrimStart().StartsWith('{')) return null;
        try
        {
            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var outer in root.EnumerateObject())
            {
                // The inner enum is {"stale":null} / {"custom":5} as an object, or "stale" as a plain string.
                string name = "";
                JsonElement value = default;
                if (outer.Value.ValueKind == JsonValueKind.String) name = outer.Value.GetString()!;
                else if (outer.Value.ValueKind == JsonValueKind.Object)
                    foreach (var p in outer.Value.EnumerateObject()) { (name, value) = (p.Name, p.Value); break; }
                int? custom = name.Equals("custom", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.Number
                    ? value.GetInt32() : null;
                if (outer.Name.Equals("unknown", StringComparison.OrdinalIgnoreCase)) return (RejectionReason.UnknownValidity, custom);
                if (!outer.Name.Equals("invalid", StringComparison.OrdinalIgnoreCase)) return null;
                return (name.ToLowerInvariant() switch
                {
                    "stale" => RejectionReason.Outdated,
                    "badproof" or "badsigner" => RejectionReason.BadSignature,
                    "payment" => RejectionReason.CannotPayFees,
                    "exhaustsresources" => RejectionReason.ExhaustsResources,
                    "future" => RejectionReason.Future,
                    "ancientbirthblock" => RejectionReason.AncientBirthBlock,
                    "call" => RejectionReason.CallNotExpected,
                    "custom" => RejectionReason.Custom,
                    _ => RejectionReason.Other,
                }, custom);
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: read it as text.
        }
        return null;
    }

    private static string Explain(RejectionReason reason, int? custom) => reason switch
    {
        RejectionReason.Outdated =>
            "The node rejected the transaction as outdated: its account nonce was already used or its era has expired. "
            + "Build it again (fresh nonce and era) and resubmit.",
        RejectionReason.BadSignature =>
            "The node rejected the signature: the transaction was not signed for this chain (genesis hash, runtime version, "
            + "birth block) or not by the key it names.",
        RejectionReason.CannotPayFees =>
            "The signer cannot pay the transaction fee (balance too low). Fund the signing account and try again.",
        RejectionReason.ExhaustsResources =>
            "The transaction does not fit in a block now (block limits reached). Try again in a later block.",
        RejectionReason.Future =>
            "The transaction's nonce is ahead of the account's: an earlier transaction is missing. Use the nonce from system_accountNextIndex.",
        RejectionReason.AncientBirthBlock =>
            "The transaction's era starts at a block the node no longer accepts. Build it again from the current head.",
        RejectionReason.CallNotExpected => "The runtime does not accept this call in a signed transaction.",
        RejectionReason.Custom => $"The runtime rejected the transaction: {CustomTransactionErrors.Describe(custom ?? -1)}.",
        RejectionReason.UnknownValidity => custom is int n
            ? $"The node could not decide whether the transaction is valid ({CustomTransactionErrors.Describe(n)})."
            : "The node could not decide whether the transaction is valid (it could not look up what it needs). Try again.",
        RejectionReason.TemporarilyBanned =>
            "The node recently rejected this exact transaction and bans it for a while. Build a new one (fresh nonce and era) later.",
        RejectionReason.AlreadyImported => "This exact transaction is already in the node's pool; it was submitted before.",
        RejectionReason.PriorityTooLow =>
            "Another transaction with the same nonce is already in the pool with at least this priority. Wait for it, or use a fresh nonce.",
        RejectionReason.PoolFull => "The node's transaction pool is full. Try again later.",
        RejectionReason.BadFormat => "The node could not decode the transaction for this runtime.",
        _ => "The node refused the transaction.",
    };

    [GeneratedRegex(@"[Cc]ustom(?: error)?[:(]\s*(\d+)")]
    private static partial Regex CustomPattern();
}

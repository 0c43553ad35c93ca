namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>One status notification: the status and, for InBlock/Retracted/FinalityTimeout/Finalized, the block hash.</summary>
public readonly record struct TransactionStatusUpdate(TransactionStatus Status, string? BlockHash)
{
    /// <summary>True when the node sends nothing more for this subscription.</summary>
    public bool IsFinal => Status is TransactionStatus.Finalized or TransactionStatus.FinalityTimeout
        or TransactionStatus.Usurped or TransactionStatus.Dropped or TransactionStatus.Invalid;

    /// <summary>
    /// Reads a notification's result. Unit statuses come as strings from Substrate nodes (<c>"ready"</c>) and as
    /// objects from chopsticks and some proxies (<c>{"ready":null}</c>); both are accepted, as are either case of the
    /// first letter. Statuses with data: <c>{"inBlock":"0x…"}</c>, <c>{"broadcast":[peers]}</c>, <c>{"usurped":"0x…"}</c>.
    /// </summary>
    /// <exception cref="ChainReplyException">The value is not a known status.</exception>
    public static TransactionStatusUpdate Parse(JsonElement result)
    {
        string name;
        JsonElement data = default;
        switch (result.ValueKind)
        {
            case JsonValueKind.String:
                name = result.GetString()!;
                break;
            case JsonValueKind.Object:
                using (var properties = result.EnumerateObject())
                {
                    if (!properties.MoveNext()) throw Unknown(result);
                    name = properties.Current.Name;
                    data = properties.Current.Value;
                    if (properties.MoveNext()) throw Unknown(result);
                }
                break;
            default:
                throw Unknown(result);
        }
        var status = name.ToLowerInvariant() switch
        {
            "future" => TransactionStatus.Future,
            "ready" => TransactionStatus.Ready,
            "broadcast" => TransactionStatus.Broadcast,
            "inblock" => TransactionStatus.InBlock,
            "retracted" => TransactionStatus.Retracted,
            "finalitytimeout" => TransactionStatus.FinalityTimeout,
            "finalized" => TransactionStatus.Finalized,
            "usurped" => TransactionStatus.Usurped,
            "dropped" => TransactionStatus.Dropped,
            "invalid" => TransactionStatus.Invalid,
            _ => throw Unknown(result),
        };
        string? block = status is TransactionStatus.InBlock or TransactionStatus.Retracted
            or TransactionStatus.FinalityTimeout or TransactionStatus.Finalized
            ? BlockHashOf(data, result)
            : null;
        return new TransactionStatusUpdate(status, block);
    }

    /// <summary>The block hash is a plain string in Substrate; newer nodes send {"hash": …, "index": …} for inBlock.</summary>
    private static string BlockHashOf(JsonElement data, JsonElement result) => data.ValueKind switch
    {
        JsonValueKind.String => data.GetString()!,
        JsonValueKind.Object when data.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String => h.GetString()!,
        _ => throw new ChainReplyException($"The transaction status {Shorten(result)} has no block hash."),
    };

    private static ChainReplyException Unknown(JsonElement result) =>
        new($"author_extrinsicUpdate sent {Shorten(result)}, which is not a transaction status.");

    private static string Shorten(JsonElement e) => Rpc.PeerText.Quote(e.GetRawText(), 120);
}

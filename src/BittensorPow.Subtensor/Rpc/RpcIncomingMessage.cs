namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// One message from the node, classified. Elements are cloned, so nothing here depends on the parsed document.
/// Ids and subscription ids are kept as text: nodes send numbers or strings (jsonrpsee vs. chopsticks), and the
/// client compares them only for equality.
/// </summary>
internal readonly record struct RpcIncomingMessage(
    RpcIncomingKind Kind,
    string? Id,
    JsonElement Result,
    RpcException? Error,
    string? SubscriptionId,
    string? Problem)
{
    public static RpcIncomingMessage Parse(ReadOnlyMemory<byte> utf8)
    {
        // JsonDocument checks the structure but not the UTF-8 inside strings; GetString would throw on it later,
        // here or in whoever reads the result, so such text is malformed as a whole.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            return Malformed(TrySalvageId(utf8.Span), $"text that is not UTF-8: {Preview(utf8.Span)}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            // The text is broken, but its id may still be readable; then only that call fails.
            return Malformed(TrySalvageId(utf8.Span), $"invalid JSON ({e.Message}): {Preview(utf8.Span)}");
        }

        using (document)
        {
            try { return Classify(document.RootElement, utf8.Span); }
            catch (InvalidOperationException e) // GetString on an escaped lone surrogate ("\ud800")
            {
                return Malformed(null, $"a string that is not valid UTF-16 ({e.Message}): {Preview(utf8.Span)}");
            }
        }
    }

    private static RpcIncomingMessage Classify(JsonElement root, ReadOnlySpan<byte> utf8)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Malformed(null, $"expected a JSON object: {Preview(utf8)}");

        string? id = root.TryGetProperty("id", out var idElement) ? IdText(idElement) : null;

        if (id is not null)
        {
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return new(RpcIncomingKind.Response, id, default, ToException(error), null, null);
            if (root.TryGetProperty("result", out var result))
                return new(RpcIncomingKind.Response, id, result.Clone(), null, null, null);
            return Malformed(id, $"reply has neither 'result' nor 'error': {Preview(utf8)}");
        }

        if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("subscription", out var subscription)
            && parameters.TryGetProperty("result", out var notificationResult)
            && IdText(subscription) is { } subscriptionId)
            return new(RpcIncomingKind.Notification, null, notificationResult.Clone(), null, subscriptionId, null);

        return Malformed(null, $"neither a reply nor a subscription notification: {Preview(utf8)}");
    }

    /// <summary>Numbers keep their literal text, strings their value; null and other kinds mean "no id".</summary>
    public static string? IdText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => element.GetString(),
        _ => null,
    };

    private static RpcIncomingMessage Malformed(string? id, string problem) => new(RpcIncomingKind.Malformed, id, default, null, null, problem);

    private static RpcException ToException(JsonElement error)
    {
        int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        string message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.GetRawText();
        // Real nodes send data as text ("Transaction is outdated"); other tools send objects: keep both readable.
        string? data = error.TryGetProperty("data", out var d) ? d.ValueKind switch
        {
            JsonValueKind.String => d.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => d.GetRawText(),
        } : null;
        // The node's own words reach messages people read: escaped and cut, whatever the node sent.
        string text = $"node error {code}: {PeerText.Quote(message)}" + (data is null ? "" : $" ({PeerText.Quote(data)})");
        return new RpcException(RpcErrorKind.Remote, text, code, data);
    }

    /// <summary>Reads tokens up to the first error and returns the top-level "id", if it came before the break.</summary>
    private static string? TrySalvageId(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
                {
                    if (!reader.Read()) return null;
                    return reader.TokenType switch
                    {
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        JsonTokenType.String => reader.GetString(),
                        _ => null,
                    };
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // GetString: invalid UTF-8 or escape
        {
        }
        return null;
    }

    private static string Preview(ReadOnlySpan<byte> utf8) => PeerText.Quote(utf8);
}

namespace BittensorPow.Subtensor.Rpc;

/// <summary>Writes one JSON-RPC 2.0 request. Byte arrays become 0x-hex, the form every Substrate RPC expects for bytes.</summary>
internal static class RpcRequestWriter
{
    public static byte[] Write(string id, string method, IReadOnlyList<object?> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var parameter in parameters ?? []) WriteValue(writer, parameter);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case byte[] bytes: writer.WriteStringValue(Chain.Text.Hex.Encode(bytes)); break;
            case ReadOnlyMemory<byte> memory: writer.WriteStringValue(Chain.Text.Hex.Encode(memory.Span)); break;
            case JsonElement element: element.WriteTo(writer); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }
}

namespace BittensorPow.Subtensor.Chain.Blocks;

/// <summary>JSON-RPC writes a block hash as its 0x-hex string, wherever it appears in a request.</summary>
public sealed class BlockHashJsonConverter : JsonConverter<BlockHash>
{
    public override BlockHash Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BlockHash.TryParse(reader.GetString(), out var hash, out var error) ? hash : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, BlockHash value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

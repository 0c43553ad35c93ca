using System.Text.Json;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Block headers as chain_getHeader / chain_newHead deliver them (JSON), hashed over their SCALE form.
/// Rejection: JsonException (not JSON at all, the RPC layer's concern) and ChainReplyException.
/// </summary>
public static class HeaderTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(input.ToArray()); }
        catch (JsonException) { return; }
        using (document)
        {
            try
            {
                var header = HeaderCodec.Parse(document.RootElement);
                HeaderCodec.ToJson(header).ToJsonString();
            }
            catch (ChainReplyException) { }
        }
    }

    public static IEnumerable<byte[]> Seeds() => Seed.RecordedObjects().Where(o =>
    {
        using var doc = JsonDocument.Parse(o);
        return doc.RootElement.TryGetProperty("parentHash", out _);
    }).Distinct(ByteArrayComparer.Instance);
}

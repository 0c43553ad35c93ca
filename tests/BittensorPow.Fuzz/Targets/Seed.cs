using System.Text;
using System.Text.Json;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Pulls seed inputs out of ../shared: vector strings and the recorded JSON-RPC traffic. The transcript stores each
/// message as a JSON string, so strings that hold JSON are opened and walked too.
/// </summary>
internal static class Seed
{
    private static readonly string[] RpcFiles = ["real-node-replies.json", "chopsticks-raonet218-transcript.json"];

    public static IEnumerable<string> SubstrateVectorStrings(string section)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("vectors", "substrate-vectors.json")));
        foreach (var p in doc.RootElement.GetProperty(section).EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.StartsWith("0x")) yield return p.Value.GetString()!;
    }

    public static string SubstrateVector(string section, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("vectors", "substrate-vectors.json")));
        return doc.RootElement.GetProperty(section).GetProperty(name).GetString()!;
    }

    /// <summary>Every JSON object in the recorded traffic (messages, results, headers), as its UTF-8 text.</summary>
    public static IEnumerable<byte[]> RecordedObjects() =>
        Recorded().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => Utf8(e.GetRawText()));

    /// <summary>Hex strings anywhere in the recorded traffic, decoded (storage values, events, extrinsics).</summary>
    public static IEnumerable<byte[]> RecordedHexValues() =>
        Recorded().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            .Where(s => s.StartsWith("0x") && s.Length > 2 && s.Length % 2 == 0 && s[2..].All(Uri.IsHexDigit))
            .Select(s => Convert.FromHexString(s[2..]));

    public static IEnumerable<string> RecordedStrings() =>
        Recorded().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static IEnumerable<JsonElement> Recorded()
    {
        var all = new List<JsonElement>();
        foreach (var file in RpcFiles)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("rpc", file)));
            Walk(doc.RootElement.Clone(), all);
        }
        return all;
    }

    private static void Walk(JsonElement e, List<JsonElement> into)
    {
        into.Add(e);
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, into);
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Walk(item, into);
                break;
            case JsonValueKind.String when e.GetString() is ['{', ..] text:
                try
                {
                    using var inner = JsonDocument.Parse(text);
                    Walk(inner.RootElement.Clone(), into);
                }
                catch (JsonException) { }
                break;
        }
    }
}

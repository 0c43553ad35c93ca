using System.Text.Json;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Subtensor;

/// <summary>Looks up recorded exchanges of the chopsticks transcript by their request, so tests quote no values.</summary>
public static class Transcript
{
    public static JsonElement Root => SharedFiles.Json("rpc", "chopsticks-raonet218-transcript.json");

    public static IEnumerable<(string Method, JsonElement Params, JsonElement Result)> Exchanges()
    {
        foreach (var e in Root.GetProperty("exchanges").EnumerateArray())
        {
            if (!e.TryGetProperty("request", out var req)) continue;
            using var request = JsonDocument.Parse(req.GetString()!);
            using var response = JsonDocument.Parse(e.GetProperty("response").GetString()!);
            if (!response.RootElement.TryGetProperty("result", out var result)) continue;
            yield return (request.RootElement.GetProperty("method").GetString()!, request.RootElement.GetProperty("params").Clone(), result.Clone());
        }
    }

    public static IEnumerable<JsonElement> Notifications(string method)
    {
        foreach (var e in Root.GetProperty("exchanges").EnumerateArray())
        {
            if (!e.TryGetProperty("notification", out var n)) continue;
            using var doc = JsonDocument.Parse(n.GetString()!);
            if (doc.RootElement.GetProperty("method").GetString() == method)
                yield return doc.RootElement.GetProperty("params").GetProperty("result").Clone();
        }
    }

    /// <summary>The results recorded for a method whose params serialize to <paramref name="paramsJson"/>, in order.</summary>
    public static List<JsonElement> Results(string method, string paramsJson = "[]") =>
        Exchanges().Where(e => e.Method == method && JsonSerializer.Serialize(e.Params) == paramsJson).Select(e => e.Result).ToList();

    public static string StorageResult(string keyHex, int occurrence = 0) =>
        Results("state_getStorage", $"[\"{keyHex}\"]")[occurrence].ToString();
}

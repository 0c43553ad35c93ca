using System.Text.Json;
using System.Text.RegularExpressions;
using BittensorPow.Subtensor.Extrinsics;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Extrinsics;

/// <summary>Reads the extrinsic vectors; parameters that a vector states only in its key name are parsed from that name.</summary>
internal static class ExtrinsicVectors
{
    public static JsonElement Spec218 => SubstrateVectors.GetProperty("extrinsics_spec218");
    public static JsonElement Offline => SubstrateVectors.GetProperty("offline_polkadotjs");

    public static (string Name, JsonElement Value) Entry(JsonElement section, string prefix) =>
        section.EnumerateObject().Where(p => p.Name.StartsWith(prefix)).Select(p => (p.Name, p.Value)).Single();

    public static byte[] HexEntry(JsonElement section, string prefix) => Hex(Entry(section, prefix).Value.GetString()!);

    public static string Group(string name, string pattern) => Regex.Match(name, pattern) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException($"Vector name '{name}' does not match /{pattern}/.");

    /// <summary>The signed-extension order of the subtensor runtimes in shared/metadata (spec 218 to 233).</summary>
    public static SignedExtensions Subtensor218 => new([
        "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
        "CheckWeight", "ChargeTransactionPayment", "SubtensorSignedExtension", "CommitmentsSignedExtension", "CheckMetadataHash"]);

    /// <summary>Genesis hash of the chopsticks raonet chain the spec-218 vectors were signed on (from the recorded transcript).</summary>
    public static byte[] ChopsticksGenesis()
    {
        foreach (var exchange in Json("rpc", "chopsticks-raonet218-transcript.json").GetProperty("exchanges").EnumerateArray())
        {
            using var request = JsonDocument.Parse(exchange.GetProperty("request").GetString()!);
            if (request.RootElement.GetProperty("method").GetString() == "chain_getBlockHash"
                && request.RootElement.GetProperty("params") is { ValueKind: JsonValueKind.Array } ps
                && ps.GetArrayLength() == 1 && ps[0].GetInt32() == 0)
            {
                using var response = JsonDocument.Parse(exchange.GetProperty("response").GetString()!);
                return Hex(response.RootElement.GetProperty("result").GetString()!);
            }
        }
        throw new InvalidOperationException("The transcript has no chain_getBlockHash(0).");
    }
}

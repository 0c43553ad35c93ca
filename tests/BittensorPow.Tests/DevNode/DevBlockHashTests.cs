using System.Text.Json;
using BittensorPow.DevNode.Chain;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.DevNode;

/// <summary>The DevNode's block hashes are computed the way a real subtensor node computes them.</summary>
public class DevBlockHashTests
{
    /// <summary>Every header in the chopsticks transcript (a real runtime) hashes to the hash the node gave for it.</summary>
    [Theory]
    [InlineData(104, "0x1915afa1b880a316190076f2181a6e0bfb4acde97cf02c9334718c9aa7e7ac69")]
    [InlineData(124, "0x77ca61c3cd27f0cf9843238aef4a412f31b57b7ffc095635d6b089cdaa770791")]
    public void HashOfRecordedHeaderMatchesTheNode(int requestId, string expectedHash)
    {
        var header = RecordedResult(requestId);
        var logs = header.GetProperty("digest").GetProperty("logs").EnumerateArray().Select(l => SharedFiles.Hex(l.GetString()!)).ToArray();
        byte[] encoded = HeaderCodec.Encode(
            SharedFiles.Hex(header.GetProperty("parentHash").GetString()!),
            Convert.ToUInt64(header.GetProperty("number").GetString(), 16),
            SharedFiles.Hex(header.GetProperty("stateRoot").GetString()!),
            SharedFiles.Hex(header.GetProperty("extrinsicsRoot").GetString()!),
            logs);

        Assert.Equal(expectedHash, "0x" + Convert.ToHexStringLower(BittensorPow.Subtensor.Hashing.SubstrateHash.Blake2b256(encoded)));
    }

    [Fact]
    public void AuraDigestHasTheRecordedLayout()
        // 0x06 PreRuntime, "aura", compact length 8, slot 0x23aca4b1 little-endian.
        => Assert.Equal("066175726120b1a4ac2300000000", Convert.ToHexStringLower(AuraDigest.PreRuntime(0x23aca4b1)));

    internal static JsonElement RecordedResult(int requestId)
    {
        foreach (var exchange in SharedFiles.Json("rpc", "chopsticks-raonet218-transcript.json").GetProperty("exchanges").EnumerateArray())
        {
            if (!exchange.TryGetProperty("response", out var response)) continue;
            using var doc = JsonDocument.Parse(response.GetString()!);
            if (doc.RootElement.GetProperty("id").GetInt32() == requestId) return doc.RootElement.GetProperty("result").Clone();
        }
        throw new InvalidOperationException($"No recorded response with id {requestId}.");
    }

    internal static string RecordedRequestParam(int requestId, int index)
    {
        foreach (var exchange in SharedFiles.Json("rpc", "chopsticks-raonet218-transcript.json").GetProperty("exchanges").EnumerateArray())
        {
            if (!exchange.TryGetProperty("request", out var request)) continue;
            using var doc = JsonDocument.Parse(request.GetString()!);
            if (doc.RootElement.GetProperty("id").GetInt32() == requestId) return doc.RootElement.GetProperty("params")[index].GetString()!;
        }
        throw new InvalidOperationException($"No recorded request with id {requestId}.");
    }
}

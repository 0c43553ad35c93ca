using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Rpc;

/// <summary>Plain request/response against the DevNode: the client reads exactly what the node holds.</summary>
public class WebSocketRpcClientReadTests
{
    [Fact]
    public async Task ReadsHashesHeadersAndStorage()
    {
        await using var node = await DevNodeHarness.StartAsync(new DevNodeOptions { BlockMs = 0, Subnets = [new SubnetSpec(1, 123_456)] });
        node.Chain.ProduceBlock();
        await using var client = await DevNodeHarness.ConnectAsync(node);

        Assert.Equal(node.Chain.Genesis.HashHex, (await client.CallAsync("chain_getBlockHash", [0])).GetString());
        Assert.Equal(node.Chain.Head.HashHex, (await client.CallAsync("chain_getBlockHash", ["0x1"])).GetString());
        Assert.Equal(JsonValueKind.Null, (await client.CallAsync("chain_getBlockHash", [99])).ValueKind);

        var header = await client.CallAsync("chain_getHeader", []);
        Assert.Equal("0x1", header.GetProperty("number").GetString());
        Assert.Equal(node.Chain.Genesis.HashHex, header.GetProperty("parentHash").GetString());

        var difficulty = await client.CallAsync("state_getStorage", [StorageKeys.Hex(StorageKeys.BySubnet("Difficulty", 1))]);
        Assert.Equal("0x40e2010000000000", difficulty.GetString());
        var absent = await client.CallAsync("state_getStorage", [StorageKeys.Hex(StorageKeys.BySubnet("Difficulty", 9))]);
        Assert.Equal(JsonValueKind.Null, absent.ValueKind);
    }

    [Fact]
    public async Task StorageAtAnOlderBlockSeesThatBlocksState()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        // Block 1 keeps genesis' difficulty (10,000); block 2 gets 42. Reads at block 1 must still see 10,000.
        var older = (await client.CallAsync("dev_produceBlock", [])).GetProperty("hash").GetString()!;
        await client.CallAsync("dev_produceBlock", []);
        await client.CallAsync("dev_setDifficulty", [1, 42]);
        var key = StorageKeys.Hex(StorageKeys.BySubnet("Difficulty", 1));

        Assert.Equal("0x2a00000000000000", (await client.CallAsync("state_getStorage", [key])).GetString());
        Assert.Equal("0x2a00000000000000", (await client.CallAsync("state_getStorage", [key, node.Chain.Head.HashHex])).GetString());
        Assert.NotEqual(older, node.Chain.Head.HashHex);
        Assert.Equal("0x1027000000000000", (await client.CallAsync("state_getStorage", [key, older])).GetString());
        Assert.Equal("0x1027000000000000", (await client.CallAsync("state_getStorage", [key, node.Chain.Genesis.HashHex])).GetString());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("state_getStorage", [key, "0x" + new string('7', 64)]));
        Assert.Equal(RpcErrorKind.Remote, error.Kind);
    }

    [Fact]
    public async Task ReadsMetadataSentInManyFramesAndRuntimeVersion()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);

        var metadata = await client.CallAsync("state_getMetadata", []);
        // 176,838 bytes as hex is ~350 KB: the DevNode sends it in 64 KiB frames.
        Assert.Equal(node.Runtime.Metadata, Convert.FromHexString(metadata.GetString()![2..]));

        var version = await client.CallAsync("state_getRuntimeVersion", []);
        Assert.Equal("node-subtensor", version.GetProperty("specName").GetString());
        Assert.Equal(218, version.GetProperty("specVersion").GetInt32());

        var versions = await client.CallAsync("state_call", ["Metadata_metadata_versions", "0x"]);
        Assert.Equal("0x040e000000", versions.GetString());
    }

    [Fact]
    public async Task ManyConcurrentCallsEachGetTheirOwnReply()
    {
        await using var node = await DevNodeHarness.StartAsync();
        for (int i = 0; i < 20; i++) node.Chain.ProduceBlock();
        await using var client = await DevNodeHarness.ConnectAsync(node);

        var calls = Enumerable.Range(0, 21).Select(n => client.CallAsync("chain_getBlockHash", [n])).ToArray();
        var hashes = await Task.WhenAll(calls);

        for (int n = 0; n <= 20; n++) Assert.Equal(node.Chain.ByNumber((ulong)n)!.HashHex, hashes[n].GetString());
    }

    [Fact]
    public async Task NodeErrorsComeBackAsRemoteWithCodeAndData()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("no_suchMethod", []));
        Assert.Equal(RpcErrorKind.Remote, unknown.Kind);
        Assert.Equal(-32601, unknown.Code);

        var bad = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("state_getStorage", []));
        Assert.Equal(-32602, bad.Code);
        Assert.Contains("required", bad.ErrorData);
        // The client still works after errors.
        Assert.Equal(node.Chain.Genesis.HashHex, (await client.CallAsync("chain_getBlockHash", [0])).GetString());
    }

    [Fact]
    public async Task PaddedHeaderNumbersAreServedWhenAsked()
    {
        await using var node = await DevNodeHarness.StartAsync(new DevNodeOptions { BlockMs = 0, PaddedNumbers = true });
        await using var client = await DevNodeHarness.ConnectAsync(node);
        Assert.Equal("0x00000000", (await client.CallAsync("chain_getHeader", [])).GetProperty("number").GetString());
    }
}

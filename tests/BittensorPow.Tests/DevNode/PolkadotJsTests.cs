using System.Diagnostics;
using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.Tests.Support;
using Xunit.Abstractions;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// Faithfulness: a standard Substrate client (@polkadot/api, tests/polkadot/read.mjs) connects to the DevNode,
/// decodes its metadata, hashes its headers itself and reads storage, and sees what WebSocketRpcClient reads.
/// Needs node and tests/polkadot/node_modules (build.ps1 -Task Test runs npm ci); without them it is reported as skipped.
/// </summary>
public class PolkadotJsTests(ITestOutputHelper output)
{
    [PolkadotJsTheory]
    [InlineData("raonet-spec218-v14.scale", 14, 218)]
    [InlineData("subtensor-spec165-v15.scale", 15, 165)]
    [InlineData("finney-spec393-v16.scale", 16, 393)]
    public async Task PolkadotJsReadsTheSameChainAsOurClient(string metadataFile, int metadataVersion, int specVersion)
    {
        string folder = PolkadotJsTheoryAttribute.Folder;

        await using var node = await DevNodeHarness.StartAsync(
            new DevNodeOptions { BlockMs = 0, Metadata = metadataFile, Subnets = [new SubnetSpec(1, 987_654_321)] });
        for (int i = 0; i < 3; i++) node.Chain.ProduceBlock();
        await using var client = await DevNodeHarness.ConnectAsync(node);

        var seen = await RunReadScriptAsync(folder, node.Endpoint.ToString());
        output.WriteLine(seen.GetRawText());

        string ourHead = (await client.CallAsync("chain_getBlockHash", [])).GetString()!;
        string ourGenesis = (await client.CallAsync("chain_getBlockHash", [0])).GetString()!;
        var ourHeader = await client.CallAsync("chain_getHeader", []);
        string difficultyKey = StorageKeys.Hex(StorageKeys.BySubnet("Difficulty", 1));
        string ourRaw = (await client.CallAsync("state_getStorage", [difficultyKey])).GetString()!;

        // polkadot.js computes the head's hash from the header fields itself: equal hashes mean equal SCALE encoding.
        Assert.Equal(ourHead, seen.GetProperty("head").GetProperty("hash").GetString());
        Assert.Equal(Convert.ToInt32(ourHeader.GetProperty("number").GetString(), 16), seen.GetProperty("head").GetProperty("number").GetInt32());
        Assert.Equal(ourGenesis, seen.GetProperty("genesis").GetString());
        Assert.True(seen.GetProperty("genesisMatchesApi").GetBoolean());
        Assert.Equal(specVersion, seen.GetProperty("runtime").GetProperty("specVersion").GetInt32());
        Assert.Equal(metadataVersion, seen.GetProperty("metadataVersion").GetInt32());
        Assert.Equal(42, seen.GetProperty("ss58Format").GetInt32());

        var storage = seen.GetProperty("storage");
        Assert.Equal(difficultyKey, storage.GetProperty("key").GetString());
        Assert.Equal(ourRaw, storage.GetProperty("raw").GetString());
        Assert.Equal("987654321", seen.GetProperty("difficulty").GetString());
        Assert.True(seen.GetProperty("networksAdded").GetBoolean());
    }

    private static async Task<JsonElement> RunReadScriptAsync(string folder, string url)
    {
        var start = new ProcessStartInfo("node", ["read.mjs", url, "1"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("read.mjs did not finish within 90 s.");
        }
        Assert.True(process.ExitCode == 0, $"read.mjs exited {process.ExitCode}: {await stderr}");
        string last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(last);
        return doc.RootElement.Clone();
    }
}

/// <summary>Skips (visibly, with the reason) where node or the restored @polkadot/api is missing.</summary>
public sealed class PolkadotJsTheoryAttribute : TheoryAttribute
{
    public static string Folder => Path.Combine(SharedFiles.RepoRoot, "tests", "polkadot");

    public PolkadotJsTheoryAttribute()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@polkadot", "api")))
            Skip = "tests/polkadot/node_modules is missing: run `npm ci` there (build.ps1 -Task Test does).";
        else if (!NodeAvailable())
            Skip = "`node` is not on PATH.";
    }

    private static bool NodeAvailable()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(
                new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            return p is not null && p.WaitForExit(10_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}

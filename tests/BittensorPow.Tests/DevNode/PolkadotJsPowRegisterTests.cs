using System.Diagnostics;
using System.Text.Json;
using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Extrinsics;
using Xunit.Abstractions;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// Someone else's client against `--profile finney`: @polkadot/api (tests/polkadot/pow-register.mjs) decodes the
/// served metadata (Finney 393's V16 with 475's pow_register patched in), builds pow_register from it, mines the seal
/// with Node's SHA-256 and polkadot.js's Keccak, signs with the runtime's 13 signed extensions and follows signAndSend
/// to inBlock. The DevNode must accept it, execute it, and agree with polkadot.js on every byte (call index, seal,
/// events, storage).
/// </summary>
public class PolkadotJsPowRegisterTests(ITestOutputHelper output)
{
    [PolkadotJsTheory]
    [InlineData(3)]
    public async Task PolkadotJsRegistersWithPowRegisterAndAgreesWithTheDevNode(int blocksFirst)
    {
        await using var f = await StartAsync("1:1000:pow=on");
        for (int i = 0; i < blocksFirst; i++) f.Node.Chain.ProduceBlock();

        var seen = await RunAsync(f.Node.Endpoint.ToString(), 1);
        output.WriteLine(seen.GetRawText());

        Assert.Equal(16, seen.GetProperty("metadataVersion").GetInt32());
        Assert.Equal(475, seen.GetProperty("specVersion").GetInt32());
        Assert.Equal("0x0798", seen.GetProperty("callIndex").GetString());   // pallet 7, call 152
        Assert.Equal(13, seen.GetProperty("signedExtensions").GetArrayLength());
        Assert.Null(seen.GetProperty("dispatchError").GetString());
        Assert.Equal(["subtensorModule.NeuronRegistered", "transactionPayment.TransactionFeePaid", "system.ExtrinsicSuccess"],
            seen.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        byte[] hotkey = Hex(seen, "hotkey"), coldkey = Hex(seen, "coldkey"), extrinsic = Hex(seen, "extrinsic");
        ulong workBlock = seen.GetProperty("workBlock").GetUInt64(), nonce = ulong.Parse(seen.GetProperty("nonce").GetString()!);
        // polkadot.js's seal (Node's SHA-256, its Keccak) is the DevNode's, computed independently.
        string work = seen.GetProperty("args")[3].GetString()!;
        byte[] blockHash = f.Node.Chain.ByNumber(workBlock)!.Hash;
        Assert.Equal(work, "0x" + Convert.ToHexStringLower(PowRegisterSeal.Compute(1, blockHash, hotkey, coldkey, nonce)));

        // The DevNode included exactly polkadot.js's bytes, in the block polkadot.js saw, signed by the coldkey.
        var block = f.Node.Chain.ByHash(seen.GetProperty("inBlock").GetString()!)!;
        Assert.Contains(block.Extrinsics, e => e.AsSpan().SequenceEqual(extrinsic));
        var decoded = ExtrinsicDecoder.Decode(extrinsic, f.Node.Runtime.Extensions);
        Assert.Equal(coldkey, decoded.Signer);
        Assert.Equal(new byte[] { 7, 152 }, decoded.Call[..2]);

        Assert.True(f.Registered(1, hotkey));
        Assert.Equal(0, seen.GetProperty("uid").GetInt32());
        Assert.Equal(workBlock, seen.GetProperty("lastPowRegistrationBlock").GetUInt64());
        Assert.Equal(workBlock, f.Head.GetNumber(Pallet, "LastPowRegistrationBlock", hotkey));
        Assert.Equal("0", seen.GetProperty("coldFree").GetString());
        Assert.Equal(f.Difficulty(1).ToString(), seen.GetProperty("difficultyAfter").GetString());
        Assert.Equal("1260", seen.GetProperty("difficultyAfter").GetString());
    }

    private static byte[] Hex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()![2..]);

    private static async Task<JsonElement> RunAsync(string url, int netuid)
    {
        var start = new ProcessStartInfo("node", ["pow-register.mjs", url, netuid.ToString()])
        {
            WorkingDirectory = PolkadotJsTheoryAttribute.Folder,
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
            throw new TimeoutException("pow-register.mjs did not finish within 90 s.");
        }
        Assert.True(process.ExitCode == 0, $"pow-register.mjs exited {process.ExitCode}: {await stderr}");
        string last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(last);
        return doc.RootElement.Clone();
    }
}

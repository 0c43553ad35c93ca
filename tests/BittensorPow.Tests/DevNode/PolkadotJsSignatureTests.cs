using System.Diagnostics;
using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using Xunit.Abstractions;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// The mortal-era signing path checked by someone else's code: @polkadot/types (tests/polkadot/verify-extrinsic.mjs)
/// decodes our register, faucet, burned_register and register_limit extrinsics and verifies their sr25519 signatures
/// over the payload it builds itself from the metadata. The DevNode calls our own verifier, so without this a mistake
/// shared by signer and verifier (say, the era's birth hash and the genesis hash in swapped slots) would pass.
/// </summary>
public class PolkadotJsSignatureTests(ITestOutputHelper output)
{
    private static readonly Sr25519KeyPair Alice = Sr25519KeyPair.FromUri("//Alice");
    private static readonly Sr25519KeyPair Bob = Sr25519KeyPair.FromUri("//Bob");

    [PolkadotJsTheory]
    [InlineData("register")]
    [InlineData("faucet")]
    [InlineData("burned_register")]
    [InlineData("register_limit")]
    public async Task PolkadotJsVerifiesOurMortalEraSignature(string call)
    {
        // register_limit is only in the DevNode's patched metadata (--register-limit, part of the localnet profile).
        var options = call == "register_limit"
            ? DevNodeProfiles.Localnet with { BlockMs = 0 }
            : new DevNodeOptions { BlockMs = 0, SpecVersion = 300, Subnets = [new SubnetSpec(1, 10_000)] };
        await using var node = await DevNodeHarness.StartAsync(options);
        for (int i = 0; i < 5; i++) node.Chain.ProduceBlock();
        var rpc = await DevNodeHarness.ConnectAsync(node);
        await using var _ = rpc;
        var client = await SubtensorClient.ConnectAsync(rpc);
        var tx = call switch
        {
            "register" => await SubtensorTransactions.BuildRegisterAsync(client, Alice, Bob.PublicKey, 1, 5, 123_456, new byte[32]),
            "faucet" => await SubtensorTransactions.BuildFaucetAsync(client, Bob, 5, 654_321, Enumerable.Repeat((byte)7, 32).ToArray()),
            "burned_register" => await SubtensorTransactions.BuildBurnedRegisterAsync(client, Bob, Alice.PublicKey, 1),
            _ => await SubtensorTransactions.BuildRegisterLimitAsync(client, Bob, Alice.PublicKey, 1, 1_000_000_000),
        };
        Assert.False(tx.Era.IsImmortal);
        string genesis = Hex.Encode(client.GenesisHash), birth = Hex.Encode(tx.BirthBlockHash);
        Assert.NotEqual(genesis, birth);

        string metadataFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(metadataFile, Hex.Encode(node.Runtime.Metadata));
            var seen = await VerifyAsync(metadataFile, tx.Hex, genesis, birth, client.RuntimeVersion);
            output.WriteLine(seen.GetRawText());

            Assert.Equal("subtensorModule", seen.GetProperty("section").GetString());
            Assert.Equal(ToCamel(call), seen.GetProperty("method").GetString());
            Assert.Equal(Hex.Encode(tx.Signer), seen.GetProperty("signer").GetString());
            Assert.Equal((long)tx.AccountNonce, seen.GetProperty("nonce").GetInt64());
            Assert.True(seen.GetProperty("mortal").GetBoolean());
            Assert.Equal((long)tx.Era.Period, seen.GetProperty("period").GetInt64());
            Assert.Equal((long)tx.Era.Phase, seen.GetProperty("phase").GetInt64());
            Assert.Equal("sr25519", seen.GetProperty("crypto").GetString());
            Assert.True(seen.GetProperty("valid").GetBoolean(), "polkadot.js rejects our signature");

            // Controls: the same check fails with the era's two hashes swapped, and with one call byte changed.
            Assert.False(seen.GetProperty("validWithHashesSwapped").GetBoolean());
            Assert.False(seen.GetProperty("validWithCallChanged").GetBoolean());
        }
        finally { File.Delete(metadataFile); }
    }

    [PolkadotJsTheory]
    [InlineData(9)]
    public async Task PolkadotJsVerifiesOurPowRegisterUnderTheFinneyProfilesMetadata(int blocksFirst)
    {
        // Spec 475's 13 extensions, CheckMetadataHash among them: our layout of extra and additional-signed bytes
        // must be the one polkadot.js derives from the served metadata.
        await using var f = await FinneyDriver.StartAsync("1:1000:pow=on");
        for (int i = 0; i < blocksFirst; i++) f.Node.Chain.ProduceBlock();
        ulong head = f.Node.Chain.Head.Number;
        var era = BittensorPow.Subtensor.Extrinsics.Era.Mortal(8, head);
        var (nonce, work) = f.Mine(1, head, Alice.PublicKey, Bob.PublicKey, f.EffectiveDifficulty(1));
        byte[] tx = f.D.Sign(f.PowRegisterCall(1, head, nonce, work, Alice.PublicKey), Bob, era: era);
        string genesis = Hex.Encode(f.Node.Chain.Genesis.Hash), birth = Hex.Encode(f.Node.Chain.ByNumber(era.Birth(head))!.Hash);

        string metadataFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(metadataFile, Hex.Encode(f.Node.Runtime.Metadata));
            var seen = await VerifyAsync(metadataFile, Hex.Encode(tx), genesis, birth,
                new BittensorPow.Subtensor.Runtime.RuntimeVersion("node-subtensor", "node-subtensor", f.Node.Runtime.SpecVersion, 1,
                    f.Node.Runtime.TransactionVersion, new Dictionary<string, uint>()));
            output.WriteLine(seen.GetRawText());
            Assert.Equal("powRegister", seen.GetProperty("method").GetString());
            Assert.Equal(Hex.Encode(Bob.PublicKey), seen.GetProperty("signer").GetString());
            Assert.Equal(13, seen.GetProperty("signedExtensions").GetArrayLength());
            Assert.True(seen.GetProperty("mortal").GetBoolean());
            Assert.True(seen.GetProperty("valid").GetBoolean(), "polkadot.js rejects our signature");
            Assert.False(seen.GetProperty("validWithHashesSwapped").GetBoolean());
            Assert.False(seen.GetProperty("validWithCallChanged").GetBoolean());
        }
        finally { File.Delete(metadataFile); }
        // And the DevNode executes it.
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(tx)));
    }

    private static string ToCamel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static async Task<JsonElement> VerifyAsync(string metadataFile, string extrinsicHex, string genesis, string birth,
        BittensorPow.Subtensor.Runtime.RuntimeVersion version)
    {
        var start = new ProcessStartInfo("node",
            ["verify-extrinsic.mjs", metadataFile, extrinsicHex, genesis, birth, version.SpecVersion.ToString(),
                version.TransactionVersion.ToString()])
        {
            WorkingDirectory = PolkadotJsTheoryAttribute.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("verify-extrinsic.mjs did not finish within 60 s.");
        }
        Assert.True(process.ExitCode == 0, $"verify-extrinsic.mjs exited {process.ExitCode}: {await stderr}");
        string last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        using var doc = JsonDocument.Parse(last);
        return doc.RootElement.Clone();
    }
}

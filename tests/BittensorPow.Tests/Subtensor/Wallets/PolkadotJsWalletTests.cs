using System.Diagnostics;
using System.Text.Json;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;
using BittensorPow.Tests.DevNode;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

/// <summary>
/// The keyfiles we write for new mnemonics, checked by someone else's code: polkadot.js (tests/polkadot/derive-keys.mjs)
/// validates each phrase as BIP-39 and derives its mini secret, secret key, public key and SS58 address, which must be
/// exactly the keyfile's secretSeed, privateKey (schnorrkel's form of the same secret), publicKey/accountId and ss58Address.
/// </summary>
public class PolkadotJsWalletTests
{
    [PolkadotJsTheory]
    [InlineData(12)]
    [InlineData(24)]
    public async Task Keyfiles_for_new_mnemonics_hold_the_keys_polkadot_js_derives(int words)
    {
        var phrases = Enumerable.Range(0, 4).Select(_ => MnemonicGenerator.Generate(words))
            .Append(SubstrateBip39.DevPhrase).Append("old leopard transfer rib spatial phone calm indicate online fire caution review").ToList();
        using var root = new TempWalletRoot();
        var keyfiles = phrases.Select((p, i) =>
        {
            using var key = NewKeyfile.FromPhrase(Path.Combine(root.Root, "w", $"h{i}"), Path.Combine(root.Root, "w", $"h{i}pub.txt"), p, null);
            WalletWriter.Write([key], overwrite: false);
            return File.ReadAllBytes(key.Path);
        }).ToList();

        var seen = await DeriveAsync(phrases);
        Assert.Equal(phrases.Count, seen.GetArrayLength());
        for (int i = 0; i < phrases.Count; i++)
        {
            var js = seen[i];
            using var doc = JsonDocument.Parse(keyfiles[i]);
            var ours = doc.RootElement;
            Assert.True(js.GetProperty("valid").GetBoolean(), $"polkadot.js finds phrase {i} invalid");
            Assert.Equal(phrases[i], ours.GetProperty("secretPhrase").GetString());
            Assert.Equal(js.GetProperty("miniSecret").GetString(), ours.GetProperty("secretSeed").GetString());
            Assert.Equal(js.GetProperty("publicKey").GetString(), ours.GetProperty("publicKey").GetString());
            Assert.Equal(js.GetProperty("keyringPublicKey").GetString(), ours.GetProperty("accountId").GetString());
            Assert.Equal(js.GetProperty("address").GetString(), ours.GetProperty("ss58Address").GetString());
            // btwallet's privateKey is schnorrkel's scalar ‖ nonce; polkadot.js keeps scalar·8 ‖ nonce: the same secret.
            using var pair = Sr25519KeyPair.FromSecretKey(Hex(ours.GetProperty("privateKey").GetString()!), Sr25519SecretFormat.Schnorrkel);
            var ed25519Form = pair.ExportSecret(Sr25519SecretFormat.Ed25519);
            Assert.Equal(js.GetProperty("secretKey").GetString(), "0x" + Convert.ToHexStringLower(ed25519Form));
            using var read = SecretKeyfile.Parse(keyfiles[i], "h");
            Assert.Equal(Hex(js.GetProperty("publicKey").GetString()!), read.PublicKey);
        }
    }

    private static async Task<JsonElement> DeriveAsync(IReadOnlyList<string> phrases)
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(phrases));
            var start = new ProcessStartInfo("node", ["derive-keys.mjs", file])
            {
                WorkingDirectory = PolkadotJsTheoryAttribute.Folder, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("derive-keys.mjs did not finish within 60 s.");
            }
            Assert.True(process.ExitCode == 0, $"derive-keys.mjs exited {process.ExitCode}: {await stderr}");
            using var doc = JsonDocument.Parse((await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
            return doc.RootElement.Clone();
        }
        finally { File.Delete(file); }
    }
}

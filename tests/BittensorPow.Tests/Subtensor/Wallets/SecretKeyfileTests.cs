using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.Json;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

public class SecretKeyfileTests
{
    private static JsonElement Keys => SubstrateVectors.GetProperty("sr25519_keys");
    private static JsonElement DevRoot => Keys.GetProperty("dev_root");
    private static JsonElement Nacl => SubstrateVectors.GetProperty("bittensor_nacl_coldkey");
    private static byte[] DevRootPublic => Hex(DevRoot.GetProperty("public").GetString()!);
    private static byte[] BtwalletPublic =>
        Hex(Keys.EnumerateObject().Single(p => p.Name.StartsWith("btwallet test")).Value.GetProperty("public").GetString()!);

    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (char c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    [Fact]
    public void Reads_the_shared_hotkey_and_signs_with_it()
    {
        using var pair = SecretKeyfile.ReadHotkey(PathOf("wallet"), "default", "default");
        Assert.Equal(DevRootPublic, pair.PublicKey);
        Assert.True(Sr25519.Verify("register"u8, pair.Sign("register"u8), DevRootPublic));
    }

    [Fact]
    public void Secret_seed_alone_is_enough_and_a_mismatched_secret_is_refused()
    {
        using var root = new TempWalletRoot();
        var seedOnly = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["publicKey"] = DevRoot.GetProperty("public").GetString()!,
            ["secretSeed"] = DevRoot.GetProperty("mini_secret").GetString()!,
        });
        using (var pair = SecretKeyfile.Read(root.Write("seed", seedOnly), null)) Assert.Equal(DevRootPublic, pair.PublicKey);

        var privateKeyHex = DevRoot.EnumerateObject().Single(p => p.Name.StartsWith("secret64_schnorrkel")).Value.GetString()!;
        var alicePublic = Keys.EnumerateObject().Single(p => p.Name.StartsWith("//Alice")).Value.GetProperty("public").GetString()!;
        var mismatched = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["publicKey"] = alicePublic, ["privateKey"] = privateKeyHex });
        var e = Assert.Throws<WalletFileException>(() => SecretKeyfile.Read(root.Write("mismatch", mismatched), null));
        Assert.Equal(WalletError.KeyfileKeyMismatch, e.Error);
        Assert.DoesNotContain(privateKeyHex[2..18], e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n6162636465", WalletError.KeyfileLegacyEncryption)]
    [InlineData("gAAAAABkZm9vYmFy", WalletError.KeyfileLegacyEncryption)]
    [InlineData("this is not json", WalletError.KeyfileNotJson)]
    [InlineData("{\"publicKey\": 5}", WalletError.KeyfileNoPublicKey)]
    public void Unreadable_keyfiles_say_why(string content, WalletError expected)
    {
        using var root = new TempWalletRoot();
        var e = Assert.Throws<WalletFileException>(() => SecretKeyfile.Read(root.Write("k", Encoding.UTF8.GetBytes(content)), null));
        Assert.Equal(expected, e.Error);
        if (expected == WalletError.KeyfileLegacyEncryption) Assert.Contains("btcli wallet update", e.Message);
    }

    [Fact]
    public void Public_only_missing_and_encrypted_without_password()
    {
        var noSecret = Assert.Throws<WalletFileException>(() => SecretKeyfile.Read(PathOf("wallet", "default", "hotkeys", "defaultpub.txt"), null));
        Assert.Equal(WalletError.KeyfileNoSecret, noSecret.Error);
        var missing = Assert.Throws<WalletFileException>(() => SecretKeyfile.ReadHotkey(PathOf("wallet"), "default", "nope"));
        Assert.Equal(WalletError.KeyfileNotFound, missing.Error);
        var locked = Assert.Throws<WalletFileException>(() => SecretKeyfile.ReadColdkey(PathOf("wallet"), "default", null));
        Assert.Equal(WalletError.PasswordRequired, locked.Error);
    }

    [Fact]
    public void Nacl_salt_is_bittensors()
    {
        Assert.Equal(Hex(Nacl.GetProperty("salt").GetString()!), NaclKeyfile.Salt.ToArray());
    }

    [Fact]
    public void Wrong_key_fails_the_mac_without_running_argon2()
    {
        var file = File.ReadAllBytes(PathOf("wallet", "default", "coldkey"));
        var wrongKey = Hex(Nacl.GetProperty("key").GetString()!);
        wrongKey[0] ^= 1;
        var e = Assert.Throws<WalletFileException>(() => NaclKeyfile.OpenSecretBox(wrongKey, file.AsSpan(5, 24), file.AsSpan(29), "coldkey"));
        Assert.Equal(WalletError.WrongPassword, e.Error);
        Assert.Contains("password", e.Message);
    }

    [Fact]
    public void A_box_that_starts_with_fifteen_zero_bytes_is_a_damaged_file_not_an_overflow()
    {
        // Found by AFL (Fuzz/regressions/nacl): Sodium.Core reads such a box as NaCl's old zero-padded layout and
        // cuts 16 bytes off, which left 3 bytes and threw OverflowException instead of a keyfile error.
        var key = Hex(Nacl.GetProperty("key").GetString()!);
        var e = Assert.Throws<WalletFileException>(() => NaclKeyfile.OpenSecretBox(key, new byte[24], new byte[19], "coldkey"));
        Assert.Equal(WalletError.KeyfileNotJson, e.Error);
        Assert.Contains("damaged", e.Message);
        Assert.Contains("coldkey", e.Message);
    }

    [Fact]
    public void The_vector_key_opens_the_coldkey_box()
    {
        var file = File.ReadAllBytes(PathOf("wallet", "default", "coldkey"));
        var plaintext = NaclKeyfile.OpenSecretBox(Hex(Nacl.GetProperty("key").GetString()!), file.AsSpan(5, 24), file.AsSpan(29), "coldkey");
        using var pair = SecretKeyfile.Parse(plaintext, "coldkey");
        Assert.Equal(BtwalletPublic, pair.PublicKey);
    }

    [Fact]
    public void SecureString_password_becomes_utf8()
    {
        using var secure = Secure("pässword");
        Assert.Equal(Encoding.UTF8.GetBytes("pässword"), SecretKeyfile.ToUtf8(secure));
    }

    // The one test that pays for argon2i with 512 MiB. The box opening at all means our argon2i key is the
    // file's key (the MAC would fail otherwise); the key test above ties that key to the vector's.
    [Fact]
    public void Nacl_coldkey_decrypts_with_the_password()
    {
        using var secure = Secure(Nacl.GetProperty("password").GetString()!);
        var watch = Stopwatch.StartNew();
        using var coldkey = SecretKeyfile.ReadColdkey(PathOf("wallet"), "default", secure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"argon2i took {watch.Elapsed}");
        Assert.Equal(BtwalletPublic, coldkey.PublicKey);
        Assert.True(Sr25519.Verify("x"u8, coldkey.Sign("x"u8), coldkey.PublicKey));
    }
}

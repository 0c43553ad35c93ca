using System.Text;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

public class KeyfileFormatTests
{
    [Fact]
    public void The_shared_coldkey_is_encrypted_and_its_plain_hotkey_is_not()
    {
        Assert.True(SecretKeyfile.IsEncrypted(PathOf("wallet", "default", "coldkey")));
        Assert.Equal(KeyfileFormat.Nacl, KeyfileFormats.Read(PathOf("wallet", "default", "coldkey")));
        // btcli --no-use-password writes exactly this: the keyfile's JSON in plain text.
        Assert.False(SecretKeyfile.IsEncrypted(PathOf("wallet", "default", "hotkeys", "default")));
        Assert.Equal(KeyfileFormat.Json, KeyfileFormats.Read(PathOf("wallet", "default", "hotkeys", "default")));
    }

    [Fact]
    public void An_unencrypted_coldkey_needs_no_password_and_reads_without_one()
    {
        using var root = new TempWalletRoot();
        var coldkey = root.Write(Path.Combine("plain", "coldkey"), File.ReadAllBytes(PathOf("wallet", "default", "hotkeys", "default")));
        Assert.False(SecretKeyfile.IsEncrypted(coldkey));
        using var pair = SecretKeyfile.ReadColdkey(root.Root, "plain", password: null);
        Assert.Equal(32, pair.PublicKey.Length);
    }

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n6162636465", KeyfileFormat.AnsibleVault, true)]
    [InlineData("gAAAAABkZm9vYmFy", KeyfileFormat.Fernet, true)]
    [InlineData("\r\n  {\"publicKey\": \"0x00\"}", KeyfileFormat.Json, false)]
    [InlineData("", KeyfileFormat.Unknown, false)]
    [InlineData("not a keyfile", KeyfileFormat.Unknown, false)]
    public void Formats_are_told_from_the_first_bytes(string content, KeyfileFormat expected, bool encrypted)
    {
        using var root = new TempWalletRoot();
        var path = root.Write("k", Encoding.UTF8.GetBytes(content));
        Assert.Equal(expected, KeyfileFormats.Read(path));
        Assert.Equal(encrypted, SecretKeyfile.IsEncrypted(path));
    }

    [Fact]
    public void A_missing_keyfile_is_KeyfileNotFound()
    {
        var e = Assert.Throws<WalletFileException>(() => SecretKeyfile.IsEncrypted(PathOf("wallet", "default", "nope")));
        Assert.Equal(WalletError.KeyfileNotFound, e.Error);
    }
}

using System.Text.Json;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

public class WalletDirectoryTests
{
    private static JsonElement Keys => SubstrateVectors.GetProperty("sr25519_keys");
    private static JsonElement BtwalletKey => Keys.EnumerateObject().Single(p => p.Name.StartsWith("btwallet test")).Value;

    [Fact]
    public void Lists_the_shared_wallet_with_public_keys_only()
    {
        var wallets = WalletDirectory.List(PathOf("wallet"));
        var wallet = Assert.Single(wallets);
        Assert.Equal("default", wallet.Name);
        Assert.Null(wallet.ColdkeyError);
        Assert.Equal(Hex(BtwalletKey.GetProperty("public").GetString()!), wallet.ColdkeyPublicKey);
        Assert.Equal(BtwalletKey.GetProperty("ss58").GetString(), wallet.ColdkeySs58Address);
        var hotkey = Assert.Single(wallet.Hotkeys);
        Assert.Equal("default", hotkey.Name);
        Assert.Null(hotkey.Error);
        var devRoot = Keys.GetProperty("dev_root");
        Assert.Equal(Hex(devRoot.GetProperty("public").GetString()!), hotkey.PublicKey);
        Assert.Equal(devRoot.GetProperty("ss58_42").GetString(), hotkey.Ss58Address);
    }

    [Fact]
    public void Pub_only_hotkeys_are_listed_and_broken_ones_carry_an_error()
    {
        using var root = new TempWalletRoot();
        root.CopySharedWallet("alpha");
        root.Write(Path.Combine("alpha", "hotkeys", "watchpub.txt"), File.ReadAllBytes(PathOf("wallet", "default", "coldkeypub.txt")));
        root.Write(Path.Combine("alpha", "hotkeys", "broken"), "not json"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(root.Root, "empty"));

        var wallets = WalletDirectory.List(root.Root);
        Assert.Equal(["alpha", "empty"], wallets.Select(w => w.Name));
        var alpha = wallets[0];
        Assert.Equal(["broken", "default", "watch"], alpha.Hotkeys.Select(h => h.Name));
        Assert.Equal(alpha.ColdkeyPublicKey, alpha.Hotkeys.Single(h => h.Name == "watch").PublicKey);
        var broken = alpha.Hotkeys.Single(h => h.Name == "broken");
        Assert.Null(broken.PublicKey);
        Assert.Contains("not a JSON", broken.Error);
        var empty = wallets[1];
        Assert.Empty(empty.Hotkeys);
        Assert.Null(empty.ColdkeyPublicKey);
        Assert.NotNull(empty.ColdkeyError);
    }

    [Fact]
    public void Missing_root_lists_nothing_and_missing_wallet_throws()
    {
        using var root = new TempWalletRoot();
        Assert.Empty(WalletDirectory.List(Path.Combine(root.Root, "nope")));
        var e = Assert.Throws<WalletFileException>(() => WalletDirectory.Get(root.Root, "nope"));
        Assert.Equal(WalletError.WalletNotFound, e.Error);
    }
}

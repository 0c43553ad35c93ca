using System.Security;
using System.Text;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

/// <summary>
/// Keys written as btwallet writes them: the shared wallet (../shared/wallet, written by bittensor-wallet) is rebuilt
/// byte for byte from its phrases — the plain hotkey, both public files, and the $NACL coldkey sealed with the vector's
/// password and nonce — and what is written opens with our own readers.
/// </summary>
public class KeyfileWritingTests
{
    private const string BtwalletPhrase = "old leopard transfer rib spatial phone calm indicate online fire caution review";
    private static string SharedFile(params string[] parts) => PathOf(["wallet", "default", .. parts]);
    private static string VectorPassword => SubstrateVectors.GetProperty("bittensor_nacl_coldkey").GetProperty("password").GetString()!;

    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (char c in text) s.AppendChar(c);
        return s;
    }

    private static NewKeyfile Key(TempWalletRoot root, string name, string phrase, SecureString? password = null) =>
        NewKeyfile.FromPhrase(Path.Combine(root.Root, "w", name), Path.Combine(root.Root, "w", name + "pub.txt"), phrase, password);

    [Fact]
    public void A_plain_key_from_the_development_phrase_is_the_shared_btwallet_hotkey_byte_for_byte()
    {
        using var root = new TempWalletRoot();
        using var key = Key(root, "h", SubstrateBip39.DevPhrase);
        WalletWriter.Write([key], overwrite: false);
        Assert.Equal(File.ReadAllBytes(SharedFile("hotkeys", "default")), File.ReadAllBytes(key.Path));
        Assert.Equal(File.ReadAllBytes(SharedFile("hotkeys", "defaultpub.txt")), File.ReadAllBytes(key.PublicPath));
        Assert.False(key.Encrypted);
    }

    [Fact]
    public void A_phrase_typed_with_capitals_and_extra_spaces_gives_the_same_keyfile()
    {
        using var root = new TempWalletRoot();
        using var key = Key(root, "h", "  Bottom DRIVE obey lake\tcurtain smoke basket hold race lonely fit   walk \n");
        using var given = NewKeyfile.FromMnemonic(key.Path + "2", key.PublicPath + "2", Secure(SubstrateBip39.DevPhrase), null);
        var shared = File.ReadAllBytes(SharedFile("hotkeys", "default"));
        Assert.Equal(shared, key.Content);
        Assert.Equal(shared, given.Content);
    }

    [Fact]
    public void The_coldkey_sealed_with_the_vector_password_and_nonce_is_the_shared_btwallet_coldkey()
    {
        using var root = new TempWalletRoot();
        using var plain = Key(root, "coldkey", BtwalletPhrase);
        Assert.Equal(File.ReadAllBytes(SharedFile("coldkeypub.txt")), plain.PublicContent);
        // The real argon2i (libsodium, t = 8, 512 MiB) with the shared file's nonce: the whole file must come out.
        var sealedFile = NaclKeyfile.Encrypt(plain.Content, Encoding.UTF8.GetBytes(VectorPassword),
            Enumerable.Repeat((byte)7, 24).ToArray(), NaclKeyfile.DeriveKey);
        Assert.Equal(File.ReadAllBytes(SharedFile("coldkey")), sealedFile);
    }

    [Fact]
    public void A_new_sealed_coldkey_opens_with_its_password_and_lists_with_its_public_key()
    {
        using var root = new TempWalletRoot();
        using var password = Secure("correct horse");
        using var key = Key(root, "coldkey", MnemonicGenerator.Generate(24), password);
        WalletWriter.Write([key], overwrite: false);
        Assert.True(key.Encrypted);
        Assert.Equal(KeyfileFormat.Nacl, KeyfileFormats.Read(key.Path));
        Assert.DoesNotContain("secretPhrase", Encoding.Latin1.GetString(File.ReadAllBytes(key.Path)));
        using (var pair = SecretKeyfile.Read(key.Path, password)) Assert.Equal(key.PublicKey, pair.PublicKey);
        Assert.Equal(key.PublicKey, PublicKeyfile.ReadPublicKey(key.PublicPath));
        Assert.Equal(key.PublicKey, WalletDirectory.Get(root.Root, "w").ColdkeyPublicKey);
    }

    [Fact]
    public void Files_are_owner_only_and_the_folders_made_are_too_while_folders_already_there_keep_their_mode()
    {
        using var root = new TempWalletRoot();
        string nested = Path.Combine(root.Root, "deeper", "wallets");
        using var key = NewKeyfile.FromPhrase(Path.Combine(nested, "w", "hotkeys", "h"),
            Path.Combine(nested, "w", "hotkeys", "hpub.txt"), SubstrateBip39.DevPhrase, null);
        UnixFileMode? before = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(root.Root);
        WalletWriter.Write([key], overwrite: false);
        Assert.True(File.Exists(key.Path) && File.Exists(key.PublicPath));
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite, folder = file | UnixFileMode.UserExecute;
        Assert.Equal(file, File.GetUnixFileMode(key.Path));
        Assert.Equal(file, File.GetUnixFileMode(key.PublicPath));
        foreach (var made in new[] { "deeper", "deeper/wallets", "deeper/wallets/w", "deeper/wallets/w/hotkeys" })
            Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(root.Root, made)));
        Assert.Equal(before, File.GetUnixFileMode(root.Root));
    }

    [Fact]
    public void Nothing_is_written_when_one_of_the_files_is_there_and_nothing_is_left_behind()
    {
        using var root = new TempWalletRoot();
        string existing = root.Write(Path.Combine("w", "coldkeypub.txt"), "{\"old\": 1}"u8.ToArray());
        using var key = Key(root, "coldkey", SubstrateBip39.DevPhrase);
        var e = Assert.Throws<WalletFileException>(() => WalletWriter.Write([key], overwrite: false));
        Assert.Equal(WalletError.KeyfileExists, e.Error);
        Assert.Contains(existing, e.Message);
        Assert.False(File.Exists(key.Path));
        Assert.Equal("{\"old\": 1}", File.ReadAllText(existing));
        Assert.Equal([existing], Directory.GetFiles(Path.Combine(root.Root, "w")));
    }

    [Fact]
    public void Overwriting_replaces_the_files_and_makes_them_owner_only()
    {
        using var root = new TempWalletRoot();
        string old = root.Write(Path.Combine("w", "h"), "old"u8.ToArray());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100); // 0644
        using var key = Key(root, "h", SubstrateBip39.DevPhrase);
        WalletWriter.Write([key], overwrite: true);
        Assert.Equal(File.ReadAllBytes(SharedFile("hotkeys", "default")), File.ReadAllBytes(old));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(old));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root.Root, "w")).Length);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("..", false)]
    [InlineData(".hidden", true)]
    [InlineData("nul\0inside", false)]
    [InlineData("tab\there", true)]
    [InlineData("h1pub.txt", true)]
    public void Names_that_are_not_one_plain_file_name_are_refused(string name, bool hotkey)
    {
        var e = Assert.Throws<WalletFileException>(() => WalletWriter.CheckName(name, hotkey ? "hotkey" : "wallet", hotkey));
        Assert.Equal(WalletError.InvalidWalletName, e.Error);
        Assert.DoesNotContain("\0", e.Message);
    }

    [Theory]
    [InlineData("miner")]
    [InlineData("h-1_x")]
    [InlineData("my wallet")]
    public void Plain_names_pass(string name)
    {
        WalletWriter.CheckName(name, "wallet", hotkey: false);
        WalletWriter.CheckName(name, "hotkey", hotkey: true);
    }

    [Theory]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit", "has 11")]
    [InlineData("drive bottom obey lake curtain smoke basket hold race lonely fit walk", "checksum")]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit walkk", "Word 12")]
    public void A_phrase_that_is_not_bip39_is_refused_without_quoting_it(string phrase, string said)
    {
        using var root = new TempWalletRoot();
        var e = Assert.Throws<FormatException>(() => Key(root, "h", phrase));
        Assert.Contains(said, e.Message);
        Assert.DoesNotContain("walk", e.Message);
        Assert.DoesNotContain("obey", e.Message);
    }
}

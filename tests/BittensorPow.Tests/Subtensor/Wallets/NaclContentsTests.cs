using System.Diagnostics;
using System.Security;
using System.Text;
using BittensorPow.Subtensor.Native;
using BittensorPow.Subtensor.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Wallets;

/// <summary>
/// $NACL files that open but hold no keyfile, and one cut short. The box is sealed here with the shared vector's key,
/// and opened through the reader's own path with a derivation that returns that key (argon2i costs seconds).
/// </summary>
public class NaclContentsTests
{
    private static byte[] VectorKey
        => Convert.FromHexString(SubstrateVectors.GetProperty("bittensor_nacl_coldkey").GetProperty("key").GetString()![2..]);

    private static byte[] Seal(byte[] plaintext)
    {
        Libsodium.EnsureLoaded();
        var nonce = Enumerable.Range(1, 24).Select(i => (byte)i).ToArray();
        return [.. "$NACL"u8.ToArray(), .. nonce, .. Sodium.SecretBox.Create(plaintext, nonce, VectorKey)];
    }

    private static WalletFileException Open(byte[] plaintext) => Assert.Throws<WalletFileException>(() =>
    {
        var inside = NaclKeyfile.Decrypt(Seal(plaintext), "pw"u8, "hotkeys/x", _ => VectorKey);
        SecretKeyfile.ParseDecrypted(inside, "hotkeys/x").Dispose();
    });

    [Fact]
    public void A_box_holding_text_that_is_not_json_is_KeyfileNotJson()
    {
        var e = Open(Encoding.UTF8.GetBytes("hello, this is not a keyfile"));
        Assert.Equal(WalletError.KeyfileNotJson, e.Error);
    }

    [Fact]
    public void A_box_holding_json_without_a_key_is_KeyfileNoPublicKey()
    {
        var e = Open(Encoding.UTF8.GetBytes("{\"hello\": [1, 2, 3]}"));
        Assert.Equal(WalletError.KeyfileNoPublicKey, e.Error);
    }

    [Fact]
    public void A_box_holding_another_envelope_does_not_ask_again_for_the_password()
    {
        var e = Open(Seal(Encoding.UTF8.GetBytes("{}")));
        Assert.Equal(WalletError.KeyfileNotJson, e.Error);
        Assert.Contains("another encrypted envelope", e.Message);
    }

    [Fact]
    public void A_box_holding_the_shared_hotkey_opens_to_that_key()
    {
        var hotkey = File.ReadAllBytes(Path.Combine(Shared, "wallet", "default", "hotkeys", "default"));
        using var pair = SecretKeyfile.ParseDecrypted(NaclKeyfile.Decrypt(Seal(hotkey), "pw"u8, "hotkeys/x", _ => VectorKey), "hotkeys/x");
        using var direct = SecretKeyfile.Parse(hotkey, "hotkeys/default");
        Assert.Equal(direct.PublicKey, pair.PublicKey);
    }

    [Fact]
    public void A_truncated_NACL_file_is_KeyfileNotJson_before_any_key_derivation()
    {
        using var root = new TempWalletRoot();
        string path = root.Write("truncated", Seal("{}"u8.ToArray())[..30]);
        using var password = new SecureString();
        password.AppendChar('x');
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<WalletFileException>(() => SecretKeyfile.Read(path, password));
        Assert.Equal(WalletError.KeyfileNotJson, e.Error);
        Assert.Contains("truncated", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: argon2i must not run for a file too short to open");
    }
}

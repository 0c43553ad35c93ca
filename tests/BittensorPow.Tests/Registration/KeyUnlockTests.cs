using System.Security;
using System.Text;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Wallets;
using BittensorPow.Tests.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Registration;

/// <summary>Where a keyfile's password comes from, in btwallet's order: given, else its BT_PW_ variable, else asked.</summary>
public class KeyUnlockTests
{
    private static string VectorPassword => SubstrateVectors.GetProperty("bittensor_nacl_coldkey").GetProperty("password").GetString()!;
    private static byte[] ColdkeyPublic => PublicKeyfile.ReadPublicKey(PathOf("wallet", "default", "coldkeypub.txt"));

    private static SecureString NotAsked(string variable) => throw new Xunit.Sdk.XunitException($"asked for a password ({variable})");

    [Fact]
    public void A_plain_keyfile_is_read_without_asking()
    {
        using var pair = KeyUnlock.Read(PathOf("wallet", "default", "hotkeys", "default"), null, NotAsked, "-HotkeyPassword", new RecordingOutput());
        Assert.Equal(PublicKeyfile.ReadPublicKey(PathOf("wallet", "default", "hotkeys", "defaultpub.txt")), pair.PublicKey);
    }

    [Fact]
    public void Without_a_password_or_a_variable_the_caller_is_asked_with_the_variable_name()
    {
        using var root = new TempWalletRoot();
        string coldkey = Path.Combine(root.CopySharedWallet("w"), "coldkey");
        string? asked = null;
        var refused = KeyUnlock.PasswordRequired(coldkey, "The coldkey", "-Password", "X", "no console");
        var e = Assert.Throws<PowException>(
            () => KeyUnlock.Read(coldkey, null, v => { asked = v; throw refused; }, "-Password", new RecordingOutput()));
        Assert.Same(refused, e);
        Assert.Equal(KeyfilePasswordVariable.Name(coldkey), asked);
        Assert.Equal(PowErrorScope.Pipeline, e.Error.Scope);
    }

    [Fact]
    public void The_keyfiles_BT_PW_variable_unlocks_it_without_asking()
    {
        using var root = new TempWalletRoot();
        string coldkey = Path.Combine(root.CopySharedWallet("w"), "coldkey");
        string name = KeyfilePasswordVariable.Name(coldkey);
        var output = new RecordingOutput();
        try
        {
            Environment.SetEnvironmentVariable(name, KeyfilePasswordVariable.Encode(name, Encoding.UTF8.GetBytes(VectorPassword)));
            using var pair = KeyUnlock.Read(coldkey, null, NotAsked, "-Password", output);
            Assert.Equal(ColdkeyPublic, pair.PublicKey);
            Assert.True(output.Said(name));
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }

    [Fact]
    public void A_wrong_password_in_the_variable_is_WrongPassword_naming_the_variable()
    {
        using var root = new TempWalletRoot();
        string coldkey = Path.Combine(root.CopySharedWallet("w"), "coldkey");
        string name = KeyfilePasswordVariable.Name(coldkey);
        try
        {
            Environment.SetEnvironmentVariable(name, KeyfilePasswordVariable.Encode(name, "not it"u8));
            var e = Assert.Throws<PowException>(() => KeyUnlock.Read(coldkey, null, NotAsked, "-Password", new RecordingOutput()));
            Assert.Equal(ErrorIds.WrongPassword, e.Error.Id);
            Assert.Contains(name, e.Error.Message);
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }
}

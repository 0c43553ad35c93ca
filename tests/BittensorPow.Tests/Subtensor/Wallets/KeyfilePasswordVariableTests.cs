using System.Runtime.InteropServices;
using System.Text;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Tests.Wallets;

/// <summary>btwallet's BT_PW_… variable: its name from the keyfile's path (Keyfile::env_var_name) and its value (save_password_to_env).</summary>
public class KeyfilePasswordVariableTests
{
    // Worked by hand from btwallet's keyfile.rs: separators and dots become '_', then upper case; the value is base64 of
    // the UTF-8 password XOR-ed, cycling, with the name's bytes.
    private const string DefaultColdkeyName = "BT_PW__HOME_U__BITTENSOR_WALLETS_DEFAULT_COLDKEY";

    private static string Unique() => Path.Combine(Path.GetTempPath(), "btpow-pw-" + Guid.NewGuid().ToString("N"), "w", "coldkey");

    private static string Plain(System.Security.SecureString s)
    {
        IntPtr p = Marshal.SecureStringToGlobalAllocUnicode(s);
        try { return Marshal.PtrToStringUni(p, s.Length); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(p); }
    }

    [Fact]
    public void The_name_is_btwallets_for_the_default_coldkey()
    {
        string path = string.Join(Path.DirectorySeparatorChar, "", "home", "u", ".bittensor", "wallets", "default", "coldkey");
        Assert.Equal(DefaultColdkeyName, KeyfilePasswordVariable.Name(path));
    }

    [Theory]
    [InlineData("thisisafakepassword", "Njw2Iz4sPi4uJiAvNCwsNSYmMA==")]
    [InlineData("pässwörd ✓", "Mpf7IyQonP49KWW9ycw=")]
    public void The_value_is_btwallets_encoding(string password, string value) =>
        Assert.Equal(value, KeyfilePasswordVariable.Encode(DefaultColdkeyName, Encoding.UTF8.GetBytes(password)));

    [Fact]
    public void A_set_variable_reads_back_as_the_password_and_an_unset_one_as_none()
    {
        string path = Unique();
        string name = KeyfilePasswordVariable.Name(path);
        Assert.Null(KeyfilePasswordVariable.Read(path, out var unsetName));
        Assert.Equal(name, unsetName);
        try
        {
            Environment.SetEnvironmentVariable(name, KeyfilePasswordVariable.Encode(name, Encoding.UTF8.GetBytes("pässwörd ✓")));
            using var password = KeyfilePasswordVariable.Read(path, out _);
            Assert.Equal("pässwörd ✓", Plain(password!));
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("/w==", "UTF-8")] // one byte that XORs to neither ASCII nor a UTF-8 lead byte
    public void A_value_that_is_not_btwallets_encoding_is_InvalidPasswordVariable(string value, string said)
    {
        string path = Unique();
        string name = KeyfilePasswordVariable.Name(path);
        try
        {
            Environment.SetEnvironmentVariable(name, value);
            var e = Assert.Throws<WalletFileException>(() => KeyfilePasswordVariable.Read(path, out _));
            Assert.Equal(WalletError.InvalidPasswordVariable, e.Error);
            Assert.Contains(name, e.Message);
            Assert.Contains(said, e.Message);
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }
}

namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// btwallet's environment variable for a keyfile's password, which lets a script unlock a key without a console.
/// Its name is BT_PW_ and the keyfile's path with every directory separator and '.' made '_', upper-cased
/// (btwallet's Keyfile::env_var_name, for the path it opens: the wallet folder with ~ expanded, the wallet, the file).
/// Its value is the base64 of the password's UTF-8 bytes XOR-ed, cycling, with the name's bytes
/// (Keyfile::save_password_to_env): it hides the password from a glance, it does not protect it.
/// </summary>
public static class KeyfilePasswordVariable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The variable's name for the keyfile at <paramref name="keyfilePath"/> (a full path, as btwallet forms it).</summary>
    public static string Name(string keyfilePath) =>
        "BT_PW_" + keyfilePath.Replace(Path.DirectorySeparatorChar, '_').Replace('.', '_').ToUpperInvariant();

    /// <summary>The value btwallet stores for <paramref name="passwordUtf8"/> under <paramref name="name"/>.</summary>
    public static string Encode(string name, ReadOnlySpan<byte> passwordUtf8)
    {
        var mixed = Mix(passwordUtf8, name);
        try { return Convert.ToBase64String(mixed); }
        finally { CryptographicOperations.ZeroMemory(mixed); }
    }

    /// <summary>The password the keyfile's variable holds; null when the variable is not set (or empty).</summary>
    /// <exception cref="WalletFileException">InvalidPasswordVariable: the value is not base64 of a UTF-8 password.</exception>
    public static SecureString? Read(string keyfilePath, out string name)
    {
        name = Name(keyfilePath);
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : Decode(keyfilePath, name, value);
    }

    /// <summary>The password in a variable's value (the fuzz target's entry).</summary>
    /// <exception cref="WalletFileException">InvalidPasswordVariable.</exception>
    internal static SecureString Decode(string keyfilePath, string name, string value)
    {
        byte[] encoded;
        try { encoded = Convert.FromBase64String(value); }
        catch (FormatException) { throw Invalid(keyfilePath, name, "is not base64"); }
        var utf8 = Mix(encoded, name);
        char[]? chars = null;
        try
        {
            chars = StrictUtf8.GetChars(utf8);
            var password = new SecureString();
            foreach (char c in chars) password.AppendChar(c);
            password.MakeReadOnly();
            return password;
        }
        catch (DecoderFallbackException) { throw Invalid(keyfilePath, name, "does not decode to UTF-8 text with this variable's name"); }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
            CryptographicOperations.ZeroMemory(utf8);
            if (chars is not null) Array.Clear(chars);
        }
    }

    private static byte[] Mix(ReadOnlySpan<byte> data, string name)
    {
        var key = Encoding.UTF8.GetBytes(name);
        var result = new byte[data.Length];
        for (int i = 0; i < data.Length; i++) result[i] = (byte)(data[i] ^ key[i % key.Length]);
        return result;
    }

    private static WalletFileException Invalid(string path, string name, string why) => new(WalletError.InvalidPasswordVariable, path,
        $"The environment variable {name} is set for '{path}', but its value {why}: it is not btwallet's encoding of a password.");
}

using System.Text.Json;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Reads only the public part of a Bittensor keyfile (accountId / publicKey / ss58Address).
/// The secret fields are never materialised: the JSON is walked and only public properties are copied.
/// </summary>
public static class PublicKeyfile
{
    public static byte[] ReadPublicKey(string path)
    {
        byte[] raw = KeyfileBytes.Read(path);
        try { return ParsePublicKey(raw, path); }
        finally { Array.Clear(raw); }
    }

    public static byte[] ParsePublicKey(ReadOnlySpan<byte> json, string path)
    {
        if (json.StartsWith("$NACL"u8) || json.StartsWith("$ANSIBLE_VAULT"u8) || json.StartsWith("gAAAAA"u8))
            throw new WalletFileException(WalletError.KeyfileEncrypted, path,
                $"Keyfile '{path}' is encrypted; its public key is in the matching *pub.txt file.");
        string? accountId = null, publicKey = null, ss58 = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    switch (name)
                    {
                        case "accountId": accountId = reader.GetString(); break;
                        case "publicKey": publicKey = reader.GetString(); break;
                        case "ss58Address": ss58 = reader.GetString(); break;
                    }
                }
                else reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // GetString: invalid UTF-8 in a string
        {
            throw new WalletFileException(WalletError.KeyfileNotJson, path, $"Keyfile '{path}' is not a JSON Bittensor keyfile.");
        }
        foreach (var candidate in new[] { publicKey, accountId })
            if (candidate is not null && AccountId.TryParse(candidate, out var key, out _)) return key!;
        if (ss58 is not null && Ss58.TryDecode(ss58, Ss58.BittensorPrefix, out var fromSs58, out _)) return fromSs58!;
        throw new WalletFileException(WalletError.KeyfileNoPublicKey, path,
            $"Keyfile '{path}' has no valid publicKey, accountId or ss58Address field.");
    }
}

public enum WalletError
{
    KeyfileNotFound, KeyfileNotJson, KeyfileEncrypted, KeyfileNoPublicKey, WalletNotFound,
    /// <summary>A $NACL keyfile's MAC did not verify: the password is wrong (or the file is damaged).</summary>
    WrongPassword,
    /// <summary>$ANSIBLE_VAULT or Fernet ("gAAAAA…"): older btcli encryption this module does not read.</summary>
    KeyfileLegacyEncryption,
    /// <summary>The keyfile is encrypted and no password was given.</summary>
    PasswordRequired,
    /// <summary>The keyfile has neither privateKey nor secretSeed.</summary>
    KeyfileNoSecret,
    /// <summary>The secret in the keyfile does not produce its publicKey.</summary>
    KeyfileKeyMismatch,
    /// <summary>The path is there but no keyfile can be read from it: a folder, a looping link, no permission, far too large, an I/O error.</summary>
    KeyfileUnreadable,
    /// <summary>A keyfile to be written is already there (and overwriting was not asked for).</summary>
    KeyfileExists,
    /// <summary>A wallet or hotkey name that is not one file name (a separator, "..", a control character, "…pub.txt").</summary>
    InvalidWalletName,
    /// <summary>The keyfile's BT_PW_… variable is set but is not btwallet's encoding of a password.</summary>
    InvalidPasswordVariable,
}

public sealed class WalletFileException(WalletError error, string path, string message) : IOException(message)
{
    public WalletError Error { get; } = error;
    public string FilePath { get; } = path;
}

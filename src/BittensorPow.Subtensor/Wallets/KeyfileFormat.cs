namespace BittensorPow.Subtensor.Wallets;

/// <summary>How a keyfile's bytes are stored, told apart by their first bytes as btwallet does.</summary>
public enum KeyfileFormat { Json, Nacl, AnsibleVault, Fernet, Unknown }

internal static class KeyfileFormats
{
    public static KeyfileFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("$NACL"u8)) return KeyfileFormat.Nacl;
        if (data.StartsWith("$ANSIBLE_VAULT"u8)) return KeyfileFormat.AnsibleVault;
        if (data.StartsWith("gAAAAA"u8)) return KeyfileFormat.Fernet;
        var trimmed = data.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("{"u8)) return KeyfileFormat.Json;
        return KeyfileFormat.Unknown;
    }

    public static WalletFileException LegacyEncryption(KeyfileFormat format, string path) => new(
        WalletError.KeyfileLegacyEncryption, path,
        $"Keyfile '{path}' uses the older {(format == KeyfileFormat.AnsibleVault ? "Ansible Vault" : "Fernet")} encryption, " +
        "which this module does not read. Re-encrypt it with a current btcli (`btcli wallet update`), then try again.");
}

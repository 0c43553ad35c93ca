namespace BittensorPow.Subtensor.Wallets;

public static class KeyfileFormats
{
    // Longer than every marker, with room for the whitespace a hand-edited JSON keyfile may start with.
    private const int HeadLength = 64;

    /// <summary>A keyfile's format from its first bytes only: cheap, and reads no secret beyond those bytes.</summary>
    /// <exception cref="WalletFileException">
    /// KeyfileNotFound when <paramref name="path"/> does not exist; KeyfileUnreadable when it cannot be read.
    /// </exception>
    public static KeyfileFormat Read(string path)
    {
        var head = KeyfileBytes.ReadHead(path, HeadLength);
        try { return Detect(head); }
        finally { CryptographicOperations.ZeroMemory(head); }
    }

    /// <summary>True for every encrypted format, readable or not; only <see cref="KeyfileFormat.Nacl"/> takes a password here.</summary>
    public static bool IsEncrypted(this KeyfileFormat format) =>
        format is KeyfileFormat.Nacl or KeyfileFormat.AnsibleVault or KeyfileFormat.Fernet;

    public static KeyfileFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("$NACL"u8)) return KeyfileFormat.Nacl;
        if (data.StartsWith("$ANSIBLE_VAULT"u8)) return KeyfileFormat.AnsibleVault;
        if (data.StartsWith("gAAAAA"u8)) return KeyfileFormat.Fernet;
        var trimmed = data.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("{"u8)) return KeyfileFormat.Json;
        return KeyfileFormat.Unknown;
    }

    internal static WalletFileException LegacyEncryption(KeyfileFormat format, string path) => new(
        WalletError.KeyfileLegacyEncryption, path,
        $"Keyfile '{path}' uses the older {(format == KeyfileFormat.AnsibleVault ? "Ansible Vault" : "Fernet")} encryption, " +
        "which this module does not read. Re-encrypt it with a current btcli (`btcli wallet update`), then try again.");
}

namespace BittensorPow.Registration.Errors;

/// <summary>Wallet file problems as errors (never with a secret in the message); the hint names the caller's own parameters.</summary>
public static class WalletFailures
{
    /// <param name="passwordParameter">
    /// The parameter that takes this key's password (-HotkeyPassword, -Password), or null when the caller has none.
    /// </param>
    /// <param name="publicKeyParameter">
    /// The parameter that can stand in for the keyfile's public key (-Hotkey), or null when the caller has none.
    /// </param>
    public static PowException ToError(WalletFileException ex, string? passwordParameter = "-Password", string? publicKeyParameter = null)
    {
        bool coldkey = IsColdkeyFile(ex.FilePath);
        // The btcli command that makes this very file again.
        string regen = Path.GetFileName(ex.FilePath) switch
        {
            "coldkeypub.txt" => "'btcli wallet regen_coldkeypub'",
            "coldkey" => "'btcli wallet regen_coldkey'",
            _ => "'btcli wallet regen_hotkey'",
        };
        string orPublicKey = publicKeyParameter is null ? "" : $", or pass {publicKeyParameter} <public key>";
        string password = passwordParameter is null ? "the password" : $"{passwordParameter} (Read-Host -AsSecureString)";
        var (id, category, action) = ex.Error switch
        {
            WalletError.WalletNotFound => (ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound,
                "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); Get-BittensorWallet lists your wallets."),
            WalletError.KeyfileNotFound => (ErrorIds.KeyfileNotFound, PowErrorCategory.ObjectNotFound, coldkey
                ? "Check -Wallet/-WalletPath; 'btcli wallet regen_coldkeypub' restores coldkeypub.txt, New-BittensorWallet makes a wallet."
                : "Check -WalletHotkey (or BT_WALLET_HOTKEY), or create the hotkey with New-BittensorHotkey."),
            WalletError.KeyfileNotJson => (ErrorIds.KeyfileNotJson, PowErrorCategory.InvalidData,
                $"Regenerate the damaged keyfile with {regen}{orPublicKey}."),
            WalletError.KeyfileEncrypted => (ErrorIds.KeyfileEncrypted, PowErrorCategory.InvalidData,
                $"Keep the key's {(coldkey ? "coldkeypub.txt" : "pub.txt")} beside it{orPublicKey}."),
            WalletError.KeyfileNoPublicKey => (ErrorIds.KeyfileNoPublicKey, PowErrorCategory.InvalidData,
                $"Regenerate the keyfile with {regen}{orPublicKey}."),
            WalletError.WrongPassword => (ErrorIds.WrongPassword, PowErrorCategory.AuthenticationError,
                passwordParameter is null
                    ? "Give the keyfile's password again at the prompt."
                    : $"Give the keyfile's password again ({passwordParameter}, or type it at the prompt)."),
            WalletError.PasswordRequired => (ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError,
                $"Pass {password}, set the keyfile's BT_PW_ variable, or run interactively."),
            WalletError.KeyfileLegacyEncryption => (ErrorIds.KeyfileLegacyEncryption, PowErrorCategory.InvalidData,
                "Re-encrypt the key with a current btcli ('btcli wallet update'), then try again."),
            WalletError.KeyfileNoSecret => (ErrorIds.KeyfileNoSecret, PowErrorCategory.InvalidData,
                $"Signing needs the full keyfile, not only its public key: regenerate it with {regen}."),
            WalletError.KeyfileKeyMismatch => (ErrorIds.KeyfileKeyMismatch, PowErrorCategory.InvalidData,
                $"The keyfile is damaged: regenerate it with {regen}."),
            WalletError.KeyfileUnreadable => (ErrorIds.KeyfileUnreadable, PowErrorCategory.ReadError,
                "Put the keyfile itself at that path, readable by you (check the link, its rights and its size)."),
            WalletError.KeyfileExists => (ErrorIds.KeyfileExists, PowErrorCategory.ResourceExists,
                "Choose another name, or pass -Force to replace the files: the key they hold is lost unless you have its mnemonic."),
            WalletError.InvalidWalletName => (ErrorIds.InvalidWalletName, PowErrorCategory.InvalidArgument,
                "Give a plain name such as 'miner' or 'h1': no path separators, no leading '.', no control characters."),
            WalletError.InvalidPasswordVariable => (ErrorIds.InvalidPasswordVariable, PowErrorCategory.InvalidData,
                "Set it to btwallet's encoding of the password (about_BittensorPow shows how), or remove it."),
            _ => throw new System.Diagnostics.UnreachableException($"WalletError {ex.Error} has no error id."),
        };
        return new PowException(new PowError(id, category, ex.FilePath, ex.Message, action) { Inner = ex });
    }

    /// <summary>A wallet's coldkey and coldkeypub.txt sit in the wallet folder; hotkeys under hotkeys/.</summary>
    private static bool IsColdkeyFile(string? path) =>
        Path.GetFileName(path) is "coldkey" or "coldkeypub.txt";

    /// <summary>Unlocking a coldkey needs libsodium, which the module ships; the target is where it should have been.</summary>
    public static PowException ToError(LibsodiumUnavailableException ex) => new(new PowError(ErrorIds.LibsodiumUnavailable,
        PowErrorCategory.NotInstalled, ex.SearchedPaths.FirstOrDefault(), ex.Message,
        "Reinstall the BittensorPow module (its runtimes folder holds libsodium), or install libsodium 1.0.22 system-wide.")
    { Inner = ex, Scope = PowErrorScope.Pipeline });
}

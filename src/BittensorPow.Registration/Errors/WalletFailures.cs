using BittensorPow.Subtensor.Native;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Registration.Errors;

/// <summary>Wallet file problems as errors (never with a secret in the message); the hint names the caller's own parameters.</summary>
public static class WalletFailures
{
    /// <param name="passwordParameter">The parameter that takes this key's password (-HotkeyPassword, -Password), or null when the caller has none.</param>
    /// <param name="publicKeyParameter">The parameter that can stand in for the keyfile's public key (-Hotkey), or null when the caller has none.</param>
    public static PowException ToError(WalletFileException ex, string? passwordParameter = "-Password", string? publicKeyParameter = null)
    {
        bool coldkey = IsColdkeyFile(ex.FilePath);
        string regen = coldkey ? "'btcli wallet regen_coldkeypub' (or 'regen_coldkey')" : "'btcli wallet regen_hotkey'";
        string orPublicKey = publicKeyParameter is null ? "" : $", or pass {publicKeyParameter} with the public key";
        string password = passwordParameter is null ? "the password" : $"{passwordParameter} as a SecureString (Read-Host -AsSecureString)";
        var (id, category, action) = ex.Error switch
        {
            WalletError.WalletNotFound => (ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound,
                "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); Get-BittensorWallet lists your wallets."),
            WalletError.KeyfileNotFound => (ErrorIds.KeyfileNotFound, PowErrorCategory.ObjectNotFound, coldkey
                ? "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); a wallet without coldkeypub.txt gets it back with 'btcli wallet regen_coldkeypub', a new wallet is made with 'btcli wallet new_coldkey'."
                : "Check -WalletHotkey (or BT_WALLET_HOTKEY), or create the hotkey with 'btcli wallet new_hotkey'."),
            WalletError.KeyfileNotJson => (ErrorIds.KeyfileNotJson, PowErrorCategory.InvalidData,
                $"The keyfile is damaged or not a Bittensor keyfile; regenerate it with {regen}{orPublicKey}."),
            WalletError.KeyfileEncrypted => (ErrorIds.KeyfileEncrypted, PowErrorCategory.InvalidData,
                $"Keep the key's {(coldkey ? "coldkeypub.txt" : "pub.txt")} beside it{orPublicKey}."),
            WalletError.KeyfileNoPublicKey => (ErrorIds.KeyfileNoPublicKey, PowErrorCategory.InvalidData,
                $"Regenerate the keyfile with {regen}{orPublicKey}."),
            WalletError.WrongPassword => (ErrorIds.WrongPassword, PowErrorCategory.AuthenticationError,
                passwordParameter is null ? "Give the keyfile's password again at the prompt." : $"Give the keyfile's password again ({passwordParameter}, or type it at the prompt)."),
            WalletError.PasswordRequired => (ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError,
                $"Pass {password}, or run interactively to be asked."),
            WalletError.KeyfileLegacyEncryption => (ErrorIds.KeyfileLegacyEncryption, PowErrorCategory.InvalidData,
                "Re-encrypt the key with a current btcli ('btcli wallet update'), then try again."),
            WalletError.KeyfileNoSecret => (ErrorIds.KeyfileNoSecret, PowErrorCategory.InvalidData,
                $"This keyfile holds only a public key; signing needs the full keyfile (regenerate it with {regen})."),
            WalletError.KeyfileKeyMismatch => (ErrorIds.KeyfileKeyMismatch, PowErrorCategory.InvalidData,
                $"The keyfile's secret does not match its public key: the file is damaged; regenerate it with {regen}."),
            _ => throw new System.Diagnostics.UnreachableException($"WalletError {ex.Error} has no error id."),
        };
        return new PowException(new PowError(id, category, ex.FilePath, ex.Message, action) { Inner = ex });
    }

    /// <summary>A wallet's coldkey and coldkeypub.txt sit in the wallet folder; hotkeys under hotkeys/.</summary>
    private static bool IsColdkeyFile(string? path) =>
        Path.GetFileName(path) is "coldkey" or "coldkeypub.txt";

    /// <summary>Unlocking a coldkey needs libsodium, which the module ships; the target is where it should have been.</summary>
    public static PowException ToError(LibsodiumUnavailableException ex) => new(new PowError(ErrorIds.LibsodiumUnavailable, PowErrorCategory.NotInstalled,
        ex.SearchedPaths.FirstOrDefault(), ex.Message,
        "Reinstall the BittensorPow module (its runtimes folder holds libsodium), or install libsodium 1.0.22 system-wide.") { Inner = ex, Scope = PowErrorScope.Pipeline });
}

using BittensorPow.Subtensor.Native;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Registration.Errors;

/// <summary>Wallet file problems as errors (never with a secret in the message); the hint names the caller's own parameters.</summary>
public static class WalletFailures
{
    /// <param name="passwordParameter">The parameter that takes this key's password (-HotkeyPassword, -Password).</param>
    public static PowException ToError(WalletFileException ex, string passwordParameter = "-Password")
    {
        var (id, category, action) = ex.Error switch
        {
            WalletError.WalletNotFound => (ErrorIds.WalletNotFound, PowErrorCategory.ObjectNotFound,
                "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); Get-BittensorWallet lists your wallets."),
            WalletError.KeyfileNotFound => (ErrorIds.KeyfileNotFound, PowErrorCategory.ObjectNotFound,
                "Check -WalletHotkey (or BT_WALLET_HOTKEY), or create the hotkey with 'btcli wallet new_hotkey'."),
            WalletError.KeyfileNotJson => (ErrorIds.KeyfileNotJson, PowErrorCategory.InvalidData,
                "The keyfile is damaged or not a Bittensor keyfile; regenerate it with btcli ('btcli wallet regen_hotkey' or 'regen_coldkey')."),
            WalletError.KeyfileEncrypted => (ErrorIds.KeyfileEncrypted, PowErrorCategory.InvalidData,
                "Keep the key's pub.txt beside it, or pass -Hotkey with the public key."),
            WalletError.KeyfileNoPublicKey => (ErrorIds.KeyfileNoPublicKey, PowErrorCategory.InvalidData,
                "Regenerate the keyfile with btcli, or pass -Hotkey with the public key."),
            WalletError.WrongPassword => (ErrorIds.WrongPassword, PowErrorCategory.AuthenticationError,
                $"Give the keyfile's password again ({passwordParameter}, or type it at the prompt)."),
            WalletError.PasswordRequired => (ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError,
                $"Pass {passwordParameter} as a SecureString (Read-Host -AsSecureString), or run interactively to be asked."),
            WalletError.KeyfileLegacyEncryption => (ErrorIds.KeyfileLegacyEncryption, PowErrorCategory.InvalidData,
                "Re-encrypt the key with a current btcli ('btcli wallet update'), then try again."),
            WalletError.KeyfileNoSecret => (ErrorIds.KeyfileNoSecret, PowErrorCategory.InvalidData,
                "This keyfile holds only a public key; signing needs the full keyfile (regenerate it with btcli)."),
            WalletError.KeyfileKeyMismatch => (ErrorIds.KeyfileKeyMismatch, PowErrorCategory.InvalidData,
                "The keyfile's secret does not match its public key: the file is damaged; regenerate it with btcli."),
            _ => throw new System.Diagnostics.UnreachableException($"WalletError {ex.Error} has no error id."),
        };
        return new PowException(new PowError(id, category, ex.FilePath, ex.Message, action, ex));
    }

    /// <summary>Unlocking a coldkey needs libsodium, which the module ships; the target is where it should have been.</summary>
    public static PowException ToError(LibsodiumUnavailableException ex) => new(new PowError(ErrorIds.LibsodiumUnavailable, PowErrorCategory.NotInstalled,
        ex.SearchedPaths.FirstOrDefault(), ex.Message,
        "Reinstall the BittensorPow module (its runtimes folder holds libsodium), or install libsodium 1.0.22 system-wide.", ex, PowErrorScope.Pipeline));
}

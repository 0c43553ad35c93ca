using System.Management.Automation;
using BittensorPow.Subtensor.Native;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>One place that turns wallet file problems into ErrorRecords (never with a secret in the message).</summary>
internal static class WalletErrors
{
    public static PowErrorRecordException ToRecord(WalletFileException ex)
    {
        var (category, action) = ex.Error switch
        {
            WalletError.WalletNotFound => (ErrorCategory.ObjectNotFound,
                "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); Get-BittensorWallet lists your wallets."),
            WalletError.KeyfileNotFound => (ErrorCategory.ObjectNotFound,
                "Check -WalletHotkey (or BT_WALLET_HOTKEY), or create the hotkey with 'btcli wallet new_hotkey'."),
            WalletError.KeyfileNotJson => (ErrorCategory.InvalidData,
                "The keyfile is damaged or not a Bittensor keyfile; regenerate it with 'btcli wallet regen_hotkey', or pass -Hotkey with the public key."),
            WalletError.KeyfileEncrypted => (ErrorCategory.InvalidData,
                "Keep the key's pub.txt beside it, or pass -Hotkey with the public key."),
            WalletError.WrongPassword => (ErrorCategory.AuthenticationError, "Give the keyfile's password again (-Password, or type it at the prompt)."),
            WalletError.PasswordRequired => (ErrorCategory.AuthenticationError, "Pass -Password as a SecureString (Read-Host -AsSecureString), or run interactively to be asked."),
            WalletError.KeyfileLegacyEncryption => (ErrorCategory.InvalidData, "Re-encrypt the key with a current btcli ('btcli wallet update'), then try again."),
            WalletError.KeyfileNoSecret => (ErrorCategory.InvalidData, "This keyfile holds only a public key; signing needs the full keyfile (regenerate it with btcli)."),
            WalletError.KeyfileKeyMismatch => (ErrorCategory.InvalidData, "The keyfile's secret does not match its public key: the file is damaged; regenerate it with btcli."),
            _ => (ErrorCategory.InvalidData, "Regenerate the keyfile with btcli, or pass -Hotkey with the public key."),
        };
        return new PowErrorRecordException(PowErrors.Create(ex.Error.ToString(), category, ex.FilePath, ex.Message, action, ex));
    }

    /// <summary>Unlocking a coldkey needs libsodium, which the module ships; the target is where it should have been.</summary>
    public static PowErrorRecordException ToRecord(LibsodiumUnavailableException ex) => new(PowErrors.Create(
        ErrorIds.LibsodiumUnavailable, ErrorCategory.NotInstalled, ex.SearchedPaths.FirstOrDefault(), ex.Message,
        "Reinstall the BittensorPow module (its runtimes folder holds libsodium), or install libsodium 1.0.22 system-wide.", ex));
}

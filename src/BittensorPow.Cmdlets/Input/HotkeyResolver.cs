using System.Management.Automation;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Subtensor.Keys;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Finds the hotkey public key from -Hotkey (SS58 or 0x hex) or from a Bittensor wallet, with the
/// btcli environment variables BT_WALLET_NAME / BT_WALLET_HOTKEY / BT_WALLET_PATH as defaults.
/// Only the public key is ever read.
/// </summary>
internal static class HotkeyResolver
{
    public static byte[] FromText(string text)
    {
        if (AccountId.TryParse(text, out var key, out var error)) return key!;
        bool looksHex = text.TrimStart().StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        throw new PowErrorRecordException(PowErrors.InvalidArgument(ErrorIds.InvalidHotkey, text,
            $"Hotkey is not valid: {error}",
            looksHex ? "Pass the hotkey's 32-byte public key as 0x + 64 hex digits, or its SS58 address."
                     : "Pass the hotkey's SS58 address (starting with 5, prefix 42) or its public key as 0x hex; 'btcli wallet list' shows them."));
    }

    public static (byte[] Key, string Source) FromWallet(string? wallet, string? hotkey, string? path)
    {
        wallet = First(wallet, Environment.GetEnvironmentVariable("BT_WALLET_NAME"), "default");
        hotkey = First(hotkey, Environment.GetEnvironmentVariable("BT_WALLET_HOTKEY"), "default");
        path = First(path, Environment.GetEnvironmentVariable("BT_WALLET_PATH"), WalletPaths.DefaultRoot);
        try
        {
            return (WalletHotkey.ReadPublicKey(path, wallet, hotkey), $"wallet '{wallet}' hotkey '{hotkey}' in {WalletPaths.ExpandRoot(path)}");
        }
        catch (WalletFileException ex)
        {
            var (id, category, action) = ex.Error switch
            {
                WalletError.WalletNotFound => (ErrorIds.WalletNotFound, ErrorCategory.ObjectNotFound,
                    "Check -Wallet and -WalletPath (or BT_WALLET_NAME / BT_WALLET_PATH); 'btcli wallet list' shows your wallets."),
                WalletError.KeyfileNotFound => (ErrorIds.KeyfileNotFound, ErrorCategory.ObjectNotFound,
                    "Check -WalletHotkey (or BT_WALLET_HOTKEY), or create the hotkey with 'btcli wallet new_hotkey'."),
                WalletError.KeyfileNotJson => (ErrorIds.KeyfileNotJson, ErrorCategory.InvalidData,
                    "The keyfile is damaged or not a Bittensor keyfile; regenerate it with 'btcli wallet regen_hotkey', or pass -Hotkey with the public key."),
                WalletError.KeyfileEncrypted => (ErrorIds.KeyfileEncrypted, ErrorCategory.InvalidData,
                    "Keep the hotkey's pub.txt beside it, or pass -Hotkey with the public key."),
                _ => (ErrorIds.KeyfileNoPublicKey, ErrorCategory.InvalidData,
                    "Regenerate the keyfile with btcli, or pass -Hotkey with the public key."),
            };
            throw new PowErrorRecordException(PowErrors.Create(id, category, ex.FilePath, ex.Message, action, ex));
        }
    }

    private static string First(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}

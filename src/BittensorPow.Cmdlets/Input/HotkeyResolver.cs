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
        (wallet, hotkey, path) = WalletNames(wallet, hotkey, path);
        try
        {
            return (WalletHotkey.ReadPublicKey(path, wallet, hotkey), $"wallet '{wallet}' hotkey '{hotkey}' in {WalletPaths.ExpandRoot(path)}");
        }
        catch (WalletFileException ex)
        {
            throw WalletErrors.ToRecord(ex);
        }
    }

    /// <summary>btcli's defaults: the BT_WALLET_* variables, then "default" under ~/.bittensor/wallets.</summary>
    public static (string Wallet, string Hotkey, string Path) WalletNames(string? wallet, string? hotkey, string? path) => (
        First(wallet, Environment.GetEnvironmentVariable("BT_WALLET_NAME"), "default"),
        First(hotkey, Environment.GetEnvironmentVariable("BT_WALLET_HOTKEY"), "default"),
        First(path, Environment.GetEnvironmentVariable("BT_WALLET_PATH"), WalletPaths.DefaultRoot));

    private static string First(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}

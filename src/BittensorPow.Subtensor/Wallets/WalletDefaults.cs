namespace BittensorPow.Subtensor.Wallets;

/// <summary>btcli's defaults for naming a key: the BT_WALLET_* variables, then "default" under ~/.bittensor/wallets.</summary>
public static class WalletDefaults
{
    public static (string Wallet, string Hotkey, string Path) Resolve(string? wallet, string? hotkey, string? path) => (
        First(wallet, Environment.GetEnvironmentVariable("BT_WALLET_NAME"), "default"),
        First(hotkey, Environment.GetEnvironmentVariable("BT_WALLET_HOTKEY"), "default"),
        First(path, Environment.GetEnvironmentVariable("BT_WALLET_PATH"), WalletPaths.DefaultRoot));

    private static string First(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}

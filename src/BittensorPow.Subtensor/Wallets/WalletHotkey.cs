namespace BittensorPow.Subtensor.Wallets;

/// <summary>Finds a wallet hotkey's public key: the keyfile first (hotkeys are usually plain JSON), else its pub.txt.</summary>
public static class WalletHotkey
{
    public static byte[] ReadPublicKey(string? root, string wallet, string hotkey)
    {
        string walletDir = Path.Combine(WalletPaths.ExpandRoot(root), wallet);
        if (!Directory.Exists(walletDir))
            throw new WalletFileException(WalletError.WalletNotFound, walletDir, $"Wallet '{wallet}' was not found at '{walletDir}'.");
        string keyfile = WalletPaths.Hotkey(root!, wallet, hotkey);
        string pubfile = WalletPaths.HotkeyPub(root!, wallet, hotkey);
        if (File.Exists(pubfile)) return PublicKeyfile.ReadPublicKey(pubfile);
        return PublicKeyfile.ReadPublicKey(keyfile);
    }
}

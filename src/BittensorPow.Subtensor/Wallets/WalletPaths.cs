namespace BittensorPow.Subtensor.Wallets;

/// <summary>Where Bittensor keeps wallets: ~/.bittensor/wallets/&lt;wallet&gt;/{coldkey,coldkeypub.txt,hotkeys/&lt;hotkey&gt;}.</summary>
public static class WalletPaths
{
    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bittensor", "wallets");

    public static string ExpandRoot(string? root)
    {
        if (string.IsNullOrWhiteSpace(root)) return DefaultRoot;
        if (root == "~" || root.StartsWith("~/") || root.StartsWith("~\\"))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), root.Length > 2 ? root[2..] : "");
        return Path.GetFullPath(root);
    }

    public static string Hotkey(string root, string wallet, string hotkey) => Path.Combine(ExpandRoot(root), wallet, "hotkeys", hotkey);
    public static string HotkeyPub(string root, string wallet, string hotkey) => Hotkey(root, wallet, hotkey) + "pub.txt";
    public static string Coldkey(string root, string wallet) => Path.Combine(ExpandRoot(root), wallet, "coldkey");
    public static string ColdkeyPub(string root, string wallet) => Path.Combine(ExpandRoot(root), wallet, "coldkeypub.txt");
}

namespace BittensorPow.Subtensor.Wallets;

/// <summary>
/// Lists wallets under a root (default ~/.bittensor/wallets) reading only public files and public JSON fields.
/// A key that cannot be read is listed with an Error rather than failing the whole listing.
/// </summary>
public static class WalletDirectory
{
    private const string PubSuffix = "pub.txt";

    /// <summary>Every wallet folder under the root, by name; empty when the root does not exist.</summary>
    public static IReadOnlyList<WalletInfo> List(string? root)
    {
        string dir = WalletPaths.ExpandRoot(root);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateDirectories(dir)
            .Select(d => System.IO.Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .Select(name => Get(dir, name))
            .ToList();
    }

    public static WalletInfo Get(string? root, string wallet)
    {
        string walletDir = System.IO.Path.Combine(WalletPaths.ExpandRoot(root), wallet);
        if (!Directory.Exists(walletDir))
            throw new WalletFileException(WalletError.WalletNotFound, walletDir, $"Wallet '{wallet}' was not found at '{walletDir}'.");
        var (coldPub, coldError) = TryRead(() => ReadColdkeyPublic(root, wallet));
        var hotkeys = HotkeyNames(walletDir).Select(name =>
        {
            var (pub, error) = TryRead(() => WalletHotkey.ReadPublicKey(root, wallet, name));
            return new WalletHotkeyInfo(name, WalletPaths.Hotkey(root!, wallet, name), pub, pub is null ? null : Ss58.Encode(pub), error);
        }).ToList();
        return new WalletInfo(wallet, walletDir, coldPub, coldPub is null ? null : Ss58.Encode(coldPub), coldError, hotkeys);
    }

    /// <summary>coldkeypub.txt, else the coldkey file itself when it is unencrypted JSON.</summary>
    private static byte[] ReadColdkeyPublic(string? root, string wallet)
    {
        string pub = WalletPaths.ColdkeyPub(root!, wallet);
        return File.Exists(pub) ? PublicKeyfile.ReadPublicKey(pub) : PublicKeyfile.ReadPublicKey(WalletPaths.Coldkey(root!, wallet));
    }

    /// <summary>Hotkey names: keyfiles in hotkeys/, plus "&lt;name&gt;pub.txt" files whose keyfile is missing.</summary>
    private static IEnumerable<string> HotkeyNames(string walletDir)
    {
        string hotkeysDir = System.IO.Path.Combine(walletDir, "hotkeys");
        if (!Directory.Exists(hotkeysDir)) return [];
        return Directory.EnumerateFiles(hotkeysDir)
            .Select(f => System.IO.Path.GetFileName(f))
            .Where(n => !n.StartsWith('.'))
            .Select(n => n.EndsWith(PubSuffix, StringComparison.Ordinal) && n.Length > PubSuffix.Length ? n[..^PubSuffix.Length] : n)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
    }

    private static (byte[]? Key, string? Error) TryRead(Func<byte[]> read)
    {
        try { return (read(), null); }
        catch (WalletFileException e) { return (null, e.Message); }
        catch (IOException e) { return (null, e.Message); }
        catch (UnauthorizedAccessException e) { return (null, e.Message); }
    }
}

namespace BittensorPow.Subtensor.Wallets;

/// <summary>A wallet folder: its coldkey's public key (from coldkeypub.txt) and its hotkeys.</summary>
public sealed record WalletInfo(
    string Name, string Path, byte[]? ColdkeyPublicKey, string? ColdkeySs58Address, string? ColdkeyError,
    IReadOnlyList<WalletHotkeyInfo> Hotkeys);

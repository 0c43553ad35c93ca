namespace BittensorPow.Subtensor.Wallets;

/// <summary>A hotkey as Get-BittensorWallet shows it: public data only. <see cref="Error"/> says why a key could not be read.</summary>
public sealed record WalletHotkeyInfo(string Name, string Path, byte[]? PublicKey, string? Ss58Address, string? Error);

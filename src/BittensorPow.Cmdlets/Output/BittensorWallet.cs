using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-BittensorWallet, New-BittensorWallet: a wallet's public data only.</summary>
public sealed class BittensorWallet
{
    public string Name { get; init; } = "";
    public string Path { get; init; } = "";
    public string? ColdkeySs58 { get; init; }
    public string? ColdkeyPublicKey { get; init; }
    public string? ColdkeyError { get; init; }
    public BittensorHotkey[] Hotkeys { get; init; } = [];

    public static BittensorWallet From(WalletInfo w) => new()
    {
        Name = w.Name, Path = w.Path, ColdkeySs58 = w.ColdkeySs58Address,
        ColdkeyPublicKey = w.ColdkeyPublicKey is null ? null : Hex.Encode(w.ColdkeyPublicKey),
        ColdkeyError = w.ColdkeyError, Hotkeys = w.Hotkeys.Select(h => BittensorHotkey.From(w.Name, h)).ToArray(),
    };
}

/// <summary>
/// One hotkey of a wallet. <see cref="Hotkey"/> is the SS58 address, named so that the object pipes into
/// New-PowSolution -Hotkey by property name.
/// </summary>
public sealed class BittensorHotkey
{
    public string Wallet { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Hotkey { get; init; }
    public string? PublicKey { get; init; }
    public string? Error { get; init; }
    public override string ToString() => $"{Wallet}/{Name}";

    public static BittensorHotkey From(string wallet, WalletHotkeyInfo h) => new()
    {
        Wallet = wallet, Name = h.Name, Hotkey = h.Ss58Address, PublicKey = h.PublicKey is null ? null : Hex.Encode(h.PublicKey), Error = h.Error,
    };
}

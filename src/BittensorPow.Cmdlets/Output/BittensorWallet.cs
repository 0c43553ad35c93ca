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

namespace BittensorPow.Cmdlets.Output;

public sealed partial class BittensorWallet
{
    public static BittensorWallet From(WalletInfo w) => new()
    {
        Name = w.Name, Path = w.Path, ColdkeySs58 = w.ColdkeySs58Address,
        ColdkeyPublicKey = w.ColdkeyPublicKey is null ? null : Hex.Encode(w.ColdkeyPublicKey),
        ColdkeyError = w.ColdkeyError, Hotkeys = w.Hotkeys.Select(h => BittensorHotkey.From(w.Name, h)).ToArray(),
    };
}

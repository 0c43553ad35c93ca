namespace BittensorPow.Cmdlets.Output;

// Hotkey holds the SS58 address under that name so that the object pipes into New-PowSolution -Hotkey by property name.
public sealed partial class BittensorHotkey
{
    public override string ToString() => $"{Wallet}/{Name}";

    public static BittensorHotkey From(string wallet, WalletHotkeyInfo h) => new()
    {
        Wallet = wallet, Name = h.Name, Hotkey = h.Ss58Address, PublicKey = h.PublicKey is null ? null : Hex.Encode(h.PublicKey), Error = h.Error,
    };
}

namespace BittensorPow.Cmdlets.Output;

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

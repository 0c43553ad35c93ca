namespace BittensorPow.Registration.Workflows;

/// <summary>What to make: the coldkey (New-BittensorWallet), a hotkey, or both.</summary>
public sealed record NewWalletRequest(string Root, string Wallet)
{
    /// <summary>Make the coldkey and coldkeypub.txt; false: only the hotkey, inside an existing wallet.</summary>
    public bool Coldkey { get; init; }
    public string? Hotkey { get; init; }
    /// <summary>The phrase of the first key made (the coldkey, else the hotkey); null makes a new one.</summary>
    public SecureString? Mnemonic { get; init; }
    public int WordCount { get; init; } = 12;
    /// <summary>The coldkey's password; null leaves the coldkey unencrypted. Hotkeys are never encrypted (btcli's default).</summary>
    public SecureString? Password { get; init; }
    /// <summary>With no <see cref="Password"/>, ask the user for one (twice) instead of leaving the coldkey unencrypted.</summary>
    public bool AskPassword { get; init; }
    public bool Overwrite { get; init; }

    /// <summary>Whether a new mnemonic is made, which someone must see.</summary>
    public bool MakesMnemonic => Mnemonic is null || (Coldkey && Hotkey is not null);
}

namespace BittensorPow.Registration.Workflows;

/// <summary>A new key's mnemonic: <see cref="Key"/> says which ("coldkey", "hotkey 'h1'").</summary>
public sealed record NewMnemonic(string Key, string Phrase)
{
    public override string ToString() => $"the mnemonic of the {Key} (not shown)";
}

namespace BittensorPow.DevNode.Execution;

/// <summary>A pallet error raised by a dispatch (the pallet's <c>ensure!(…, Error::&lt;T&gt;::Name)</c>).</summary>
public sealed class PalletError(string pallet, string name) : Exception($"{pallet}.{name}")
{
    public string Pallet { get; } = pallet;
    public string Name { get; } = name;
}

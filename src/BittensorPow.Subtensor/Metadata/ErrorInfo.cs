namespace BittensorPow.Subtensor.Metadata;

/// <summary>A pallet error as it appears in <c>DispatchError::Module { index, error[0] }</c>.</summary>
public sealed record ErrorInfo(string Pallet, byte PalletIndex, string Name, byte ErrorIndex, IReadOnlyList<string> Docs)
{
    public string Description => Docs.Count == 0 ? $"{Pallet}.{Name}" : $"{Pallet}.{Name}: {Rpc.PeerText.Quote(string.Join(" ", Docs).Trim())}";
}

namespace BittensorPow.Subtensor.Chain.Events;

/// <summary>
/// One System.Events record, decoded by the runtime's own types: <c>Pallet.Name(fields)</c>, the phase, and for
/// ApplyExtrinsic the index of the extrinsic in its block.
/// </summary>
public sealed record ChainEvent(EventPhase Phase, uint? ExtrinsicIndex, string Pallet, string Name, IReadOnlyList<ScaleField> Fields)
{
    public bool Is(string pallet, string name) => Pallet == pallet && Name == name;

    /// <summary>The field with this name, else the one at this position (older runtimes name no event fields).</summary>
    public ScaleValue? Field(string name, int position) =>
        Fields.FirstOrDefault(f => f.Name == name)?.Value
        ?? (position < Fields.Count && Fields[position].Name is null ? Fields[position].Value : null);

    public override string ToString() =>
        $"{Pallet}.{Name}({string.Join(", ", Fields)})" + (ExtrinsicIndex is { } i ? $" @extrinsic {i}" : $" @{Phase}");
}

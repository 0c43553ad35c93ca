namespace BittensorPow.Subtensor.Metadata;

/// <summary>Vec, array and tuple.</summary>
public sealed record ScaleSequence(IReadOnlyList<ScaleValue> Items) : ScaleValue
{
    public override string ToString() => $"[{string.Join(", ", Items)}]";
}

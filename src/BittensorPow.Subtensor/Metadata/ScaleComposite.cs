namespace BittensorPow.Subtensor.Metadata;

public sealed record ScaleComposite(IReadOnlyList<ScaleField> Fields) : ScaleValue
{
    public override ScaleValue? Field(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;
    public override string ToString() => $"{{{string.Join(", ", Fields)}}}";
}

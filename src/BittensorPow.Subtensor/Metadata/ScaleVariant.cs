namespace BittensorPow.Subtensor.Metadata;

/// <summary>An enum case; <see cref="Index"/> is its SCALE index byte.</summary>
public sealed record ScaleVariant(string Name, byte Index, IReadOnlyList<ScaleField> Fields) : ScaleValue
{
    public override ScaleValue? Field(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;
    public override string ToString() => Fields.Count == 0 ? Name : $"{Name}({string.Join(", ", Fields)})";
}

namespace BittensorPow.Subtensor.Metadata;

/// <summary>An enum case: its SCALE index byte is <see cref="Index"/>, not its position in the list.</summary>
public sealed record VariantCase(string Name, byte Index, IReadOnlyList<FieldDef> Fields, IReadOnlyList<string> Docs);

namespace BittensorPow.Subtensor.Metadata;

/// <summary>A struct field or variant field. <see cref="Name"/> is null for tuple-like fields.</summary>
public sealed record FieldDef(string? Name, int TypeId, string? TypeName);

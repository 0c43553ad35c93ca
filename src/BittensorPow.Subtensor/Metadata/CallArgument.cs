namespace BittensorPow.Subtensor.Metadata;

public sealed record CallArgument(string Name, int TypeId, string? TypeName);

namespace BittensorPow.Subtensor.Metadata;

public sealed record TypeParameter(string Name, int? TypeId);

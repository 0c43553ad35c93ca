namespace BittensorPow.Subtensor.Metadata;

public sealed record ScaleField(string? Name, ScaleValue Value)
{
    public override string ToString() => Name is null ? Value.ToString() : $"{Name}: {Value}";
}

namespace BittensorPow.Subtensor.Metadata;

/// <summary>str and char.</summary>
public sealed record ScaleText(string Value) : ScaleValue
{
    public override string ToString() => $"\"{Value}\"";
}

namespace BittensorPow.Subtensor.Metadata;

public sealed record ScaleBool(bool Value) : ScaleValue
{
    public override string ToString() => Value ? "true" : "false";
}

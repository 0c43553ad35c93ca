namespace BittensorPow.Subtensor.Metadata;

public sealed record ScaleBytes(byte[] Value) : ScaleValue
{
    public override string ToString() => Chain.Text.Hex.Encode(Value);
}

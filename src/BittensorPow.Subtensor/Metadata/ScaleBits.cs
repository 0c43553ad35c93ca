namespace BittensorPow.Subtensor.Metadata;

public sealed record ScaleBits(IReadOnlyList<bool> Bits) : ScaleValue
{
    public override string ToString() => "0b" + string.Concat(Bits.Select(b => b ? '1' : '0'));
}

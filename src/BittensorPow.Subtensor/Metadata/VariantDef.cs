namespace BittensorPow.Subtensor.Metadata;

public sealed record VariantDef(IReadOnlyList<VariantCase> Variants) : TypeDef
{
    public VariantCase? ByIndex(byte index) => Variants.FirstOrDefault(v => v.Index == index);
    public VariantCase? ByName(string name) => Variants.FirstOrDefault(v => v.Name == name);
}

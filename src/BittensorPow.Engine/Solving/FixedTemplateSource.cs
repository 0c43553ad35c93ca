namespace BittensorPow.Engine.Solving;

/// <summary>Offline work: one fixed template that never goes stale.</summary>
public sealed class FixedTemplateSource(BlockTemplate template) : IBlockTemplateSource
{
    public BlockTemplate Current { get; } = template;
    public bool IsStillValid(BlockTemplate template) => true;
}

namespace BittensorPow.Engine.Solving;

/// <summary>
/// Where the solver gets its work: the current block template. The chain adapter (in the workflow layer)
/// swaps in a new template when a new head is pushed; workers pick it up at their next round.
/// </summary>
public interface IBlockTemplateSource
{
    /// <summary>The template to work on now; read once per round by every worker, so keep it cheap.</summary>
    BlockTemplate Current { get; }

    /// <summary>Whether a solution for <paramref name="template"/> may still be submitted (chain window, SPEC §3).</summary>
    bool IsStillValid(BlockTemplate template);

    /// <summary>Closed while the source has no work worth hashing (workers wait on it); null: there always is.</summary>
    WorkGate? Gate => null;
}

/// <summary>Offline work: one fixed template that never goes stale.</summary>
public sealed class FixedTemplateSource(BlockTemplate template) : IBlockTemplateSource
{
    public BlockTemplate Current { get; } = template;
    public bool IsStillValid(BlockTemplate template) => true;
}

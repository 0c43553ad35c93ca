namespace BittensorPow.Engine.Solving;

/// <summary>
/// Where the solver gets its work: the current block template. The chain adapter (in the cmdlets)
/// swaps in a new template when a new head is pushed; workers pick it up at their next round.
/// </summary>
public interface IBlockTemplateSource
{
    /// <summary>The template to work on now; read once per round by every worker, so keep it cheap.</summary>
    BlockTemplate Current { get; }

    /// <summary>Whether a solution for <paramref name="template"/> may still be submitted (chain window, SPEC §3).</summary>
    bool IsStillValid(BlockTemplate template);
}

/// <summary>Offline work: one fixed template that never goes stale.</summary>
public sealed class FixedTemplateSource(BlockTemplate template) : IBlockTemplateSource
{
    public BlockTemplate Current { get; } = template;
    public bool IsStillValid(BlockTemplate template) => true;
}

/// <summary>A source whose template can be swapped by another thread (a subscription callback).</summary>
public sealed class UpdatableTemplateSource(BlockTemplate initial, Func<BlockTemplate, bool>? isStillValid = null) : IBlockTemplateSource
{
    private BlockTemplate _current = initial;

    public BlockTemplate Current => Volatile.Read(ref _current);
    public bool IsStillValid(BlockTemplate template) => isStillValid?.Invoke(template) ?? true;

    public event Action<BlockTemplate>? TemplateChanged;

    public void Update(BlockTemplate template)
    {
        var previous = Interlocked.Exchange(ref _current, template);
        if (!ReferenceEquals(previous, template)) TemplateChanged?.Invoke(template);
    }
}

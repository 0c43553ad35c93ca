namespace BittensorPow.Registration.Solving;

/// <summary>A solve that follows the chain: its source of templates, how to search, and what the solution is for.</summary>
public sealed record HeadFollowing(HeadTemplateSource Source, Workflows.SolveRequest Solve, SolvePurpose Purpose)
{
    public ushort? NetUid { get; init; }

    /// <summary>Which rule the solution is judged by, and why.</summary>
    public required string SealRule { get; init; }

    /// <summary>-SealByteOrder given by the user: a runtime upgrade does not change it.</summary>
    public Engine.SealByteOrder? SealOverride { get; init; }

    /// <summary>The coldkey a pow_register seal would bind, read only if an upgrade brings pow_register mid-solve.</summary>
    public Func<byte[]?>? Coldkey { get; init; }
}

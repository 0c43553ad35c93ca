namespace BittensorPow.Registration.Workflows;

/// <summary>What an online solve hands to a <see cref="SolveRequest.Spread"/> search once the subnet and hotkey checks pass.</summary>
/// <param name="Challenge">The work on the head; each host follows the heads itself with the same binding.</param>
public sealed record OnlineSolveTarget(Chain.ChainSession Chain, ushort NetUid, Engine.Challenge Challenge, string SealRule)
{
    /// <summary>-DifficultyMargin: every host solves for the chain's difficulty times this.</summary>
    public double DifficultyMargin { get; init; } = 1;
}

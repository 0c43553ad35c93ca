namespace BittensorPow.Registration.Solving;

/// <summary>The solver knobs as users typed them (null: not given), before <see cref="SolveParameters.Validate"/> checks them.</summary>
public sealed record SolveKnobs
{
    public int? ThreadCount { get; init; }
    public ulong? UpdateInterval { get; init; }
    public double? TimeoutSec { get; init; }

    /// <summary>The first position in the challenge's search order (the nonce itself for the legacy seal).</summary>
    public ulong? NonceStart { get; init; }
    public ulong? NonceCount { get; init; }
    public int? HashRateSamples { get; init; }
    public double? HashRateAlpha { get; init; }
}

namespace BittensorPow.Registration.Solving;

/// <summary>
/// The back end and solver knobs as users typed them (null: not given), before <see cref="SolveParameters.Request"/>
/// checks them.
/// </summary>
public sealed record SolveKnobs
{
    /// <summary>-Backend; null: not given (the CPU, unless -Cuda or -OpenCL chooses).</summary>
    public PowBackend? Backend { get; init; }
    public bool Cuda { get; init; }
    public bool OpenCL { get; init; }
    public int[]? DeviceIds { get; init; }
    /// <summary>-ThreadsPerBlock; null: not given (the GPU back ends' default).</summary>
    public int? ThreadsPerBlock { get; init; }
    public int? ThreadCount { get; init; }
    public ulong? UpdateInterval { get; init; }
    public double? TimeoutSec { get; init; }

    /// <summary>The first position in the challenge's search order (the nonce itself for the legacy seal).</summary>
    public ulong? NonceStart { get; init; }
    public ulong? NonceCount { get; init; }
    public int? HashRateSamples { get; init; }
    public double? HashRateAlpha { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>Register-SubtensorNeuron -WaitForPow / -MaxDifficulty: when registration by work may start on a subnet.</summary>
public sealed record PowGateRequest(ushort NetUid, TimeSpan Timeout)
{
    /// <summary>-WaitForPow: follow heads while PoW registration is closed (or D is above <see cref="MaxDifficulty"/>) instead of failing.</summary>
    public bool WaitForPow { get; init; }

    /// <summary>-MaxDifficulty: the most difficulty to solve for; above it, refuse before any work (or, waiting, wait).</summary>
    public ulong? MaxDifficulty { get; init; }
}

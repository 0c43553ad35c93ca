namespace BittensorPow.Registration.Spread;

/// <summary>
/// One host's part of a spread search: the target, its range of positions (<see cref="Engine.Challenge.NonceAt"/>; a null
/// count is the whole ring), and the New-PowSolution parameters that say all of it to a host that runs the module.
/// </summary>
public sealed record HostAssignment(SpreadTarget Target, ulong NonceStart, ulong? NonceCount, IReadOnlyDictionary<string, object?> Parameters)
{
    public override string ToString() => NonceCount is { } c ? $"{NonceStart} + {c:N0}" : $"{NonceStart}, the whole ring";
}

namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -NetUid (and a register that solves): which subnet and keys to solve for, and how.</summary>
public sealed record OnlineSolveRequest(ushort NetUid, byte[] Hotkey, SolveRequest Solve)
{
    /// <summary>-SealByteOrder: the rule the user insists on for the legacy seal; null lets the runtime decide.</summary>
    public Engine.SealByteOrder? SealByteOrder { get; init; }

    /// <summary>The coldkey that will sign, bound into the pow_register seal; not needed for the legacy seal.</summary>
    public byte[]? Coldkey { get; init; }

    /// <summary>Reads the coldkey (a wallet's coldkeypub.txt) when <see cref="Coldkey"/> is null and the runtime's seal needs one.</summary>
    public Func<byte[]>? ReadColdkey { get; init; }

    /// <summary>-DifficultyMargin: solve for the chain's D times this (at least 1), so the work stays valid if D rises.</summary>
    public double DifficultyMargin { get; init; } = 1;

    /// <summary>Told the phase (reading chain state, solving) when a -TimeoutSec bounds this solve.</summary>
    public CallDeadline? Deadline { get; init; }
}

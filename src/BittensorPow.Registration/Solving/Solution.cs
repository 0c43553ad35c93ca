namespace BittensorPow.Registration.Solving;

/// <summary>
/// A solution as the workflows pass it around: the challenge it answers, whole, the difficulty it was solved for, the
/// nonce and its seal (bytes, not hex: hex is printed once, by the cmdlet's output object).
/// <see cref="Statistics"/> is null for a solution that came from the user rather than from a solve.
/// </summary>
public sealed record Solution(Challenge Challenge, Difficulty Difficulty, ulong Nonce, byte[] Seal)
{
    public ulong BlockNumber => Challenge.BlockNumber;
    public BlockHash BlockHash => BlockHash.FromBytes(Challenge.BlockHash);
    public byte[] Hotkey => Challenge.Hotkey.ToArray();
    public SealByteOrder ByteOrder => Challenge.ByteOrder;
    public SealScheme Scheme => Challenge.Scheme;

    /// <summary>The subnet it is for: bound into the seal of <see cref="PowRegisterChallenge"/>, carried beside a legacy one.</summary>
    public ushort? NetUid { get; init; } = (Challenge as PowRegisterChallenge)?.NetUid;
    public string? Endpoint { get; init; }
    public string Backend { get; init; } = "";
    public string? SealRule { get; init; }
    public SolverStatistics? Statistics { get; init; }
    /// <summary>The margin it was solved with: <see cref="Difficulty"/> is the chain's D times this.</summary>
    public double DifficultyMargin { get; init; } = 1;

    /// <summary>The host of a spread search that found it; null when found here.</summary>
    public string? ComputerName { get; init; }

    /// <summary>The work as a template: the challenge and the difficulty it was solved for.</summary>
    public BlockTemplate Template => new(Challenge, Difficulty);

    public override string ToString() => $"nonce {Nonce} for block {BlockNumber} ({Scheme}, {ByteOrder})";
}

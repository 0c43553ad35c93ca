using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Solving;

/// <summary>
/// A solution as the workflows pass it around: bytes, not hex (hex is printed once, by the cmdlet's output object).
/// <see cref="Statistics"/> is null for a solution that came from the user rather than from a solve.
/// </summary>
public sealed record Solution(ulong Nonce, ulong BlockNumber, BlockHash BlockHash, ulong Difficulty, byte[] Seal, byte[] Hotkey, SealByteOrder ByteOrder)
{
    public ushort? NetUid { get; init; }
    public string? Endpoint { get; init; }
    public string Backend { get; init; } = "";
    public string? SealRule { get; init; }
    public SolverStatistics? Statistics { get; init; }
    /// <summary>The host of a spread search that found it; null when found here.</summary>
    public string? ComputerName { get; init; }

    public override string ToString() => $"nonce {Nonce} for block {BlockNumber} ({ByteOrder})";
}

namespace BittensorPow.Cmdlets.Output;

/// <summary>Test-PowSolution -Detailed: what was recomputed and why a solution passes or fails.</summary>
public sealed class PowVerification
{
    public bool IsValid { get; init; }
    public ulong Nonce { get; init; }
    public ulong BlockNumber { get; init; }
    public ulong Difficulty { get; init; }
    public string Seal { get; init; } = "";
    /// <summary>Null when the input carried no seal to compare.</summary>
    public bool? SealMatches { get; init; }
    public bool MeetsDifficulty { get; init; }
    public SealByteOrder SealByteOrder { get; init; }
    public SealScheme Scheme { get; init; }
    /// <summary>Whether the seal would also pass the other byte order's rule (a solution for one runtime rarely fits the other).</summary>
    public bool MeetsOtherByteOrder { get; init; }
    /// <summary>Null when no chain was asked.</summary>
    public bool? IsStale { get; init; }
    public ulong? CurrentBlock { get; init; }
    /// <summary>pow_register against a node: the subnet's difficulty at the head and whether the seal meets it; null otherwise.</summary>
    public ulong? CurrentDifficulty { get; init; }
    public bool? MeetsCurrentDifficulty { get; init; }
    /// <summary>pow_register against a node: the hotkey's replay watermark; work must be for a later block.</summary>
    public ulong? LastPowRegistrationBlock { get; init; }
    public string Reason { get; init; } = "";

    internal static PowVerification From(SolutionCheckRequest r, SolutionCheck.Verdict v) => new()
    {
        IsValid = v.IsValid, Nonce = r.Nonce, BlockNumber = r.Work.BlockNumber, Difficulty = r.Difficulty, Seal = Hex.Encode(v.Seal),
        SealMatches = v.SealMatches, MeetsDifficulty = v.MeetsDifficulty, SealByteOrder = v.ByteOrder, Scheme = r.Work.Scheme,
        MeetsOtherByteOrder = v.MeetsOtherByteOrder, IsStale = v.IsStale, CurrentBlock = v.CurrentBlock, Reason = v.Reason,
        CurrentDifficulty = v.CurrentDifficulty, MeetsCurrentDifficulty = v.MeetsCurrentDifficulty,
        LastPowRegistrationBlock = v.LastPowRegistrationBlock,
    };
}

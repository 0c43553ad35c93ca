namespace BittensorPow.Cmdlets.Output;

/// <summary>Test-PowSolution -Detailed: what was recomputed and why a solution passes or fails.</summary>
public sealed class PowVerification
{
    public bool IsValid { get; init; }
    public ulong Nonce { get; init; }
    public ulong BlockNumber { get; init; }
    public ulong Difficulty { get; init; }
    public string Seal { get; init; } = "";
    public bool? SealMatches { get; init; }
    public bool MeetsDifficulty { get; init; }
    public SealByteOrder SealByteOrder { get; init; }
    public SealScheme Scheme { get; init; }
    public bool MeetsOtherByteOrder { get; init; }
    public bool? IsStale { get; init; }
    public ulong? CurrentBlock { get; init; }
    public ulong? CurrentDifficulty { get; init; }
    public bool? MeetsCurrentDifficulty { get; init; }
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

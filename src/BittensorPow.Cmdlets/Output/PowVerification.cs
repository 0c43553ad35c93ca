namespace BittensorPow.Cmdlets.Output;

public sealed partial class PowVerification
{
    internal static PowVerification From(SolutionCheckRequest r, SolutionCheck.Verdict v) => new()
    {
        IsValid = v.IsValid, Nonce = r.Nonce, BlockNumber = r.Work.BlockNumber, Difficulty = r.Difficulty, Seal = Hex.Encode(v.Seal),
        SealMatches = v.SealMatches, MeetsDifficulty = v.MeetsDifficulty, SealByteOrder = v.ByteOrder, Scheme = r.Work.Scheme,
        MeetsOtherByteOrder = v.MeetsOtherByteOrder, IsStale = v.IsStale, CurrentBlock = v.CurrentBlock, Reason = v.Reason,
        CurrentDifficulty = v.CurrentDifficulty, MeetsCurrentDifficulty = v.MeetsCurrentDifficulty,
        LastPowRegistrationBlock = v.LastPowRegistrationBlock,
    };
}

namespace BittensorPow.Cmdlets.Output;

public sealed partial class PowVerification
{
    internal static PowVerification From(SolutionCheckRequest r, SolutionCheck.Verdict v) => new()
    {
        IsValid = v.IsValid, Nonce = r.Nonce, BlockNumber = r.Work.BlockNumber, Difficulty = r.Difficulty, Seal = Hex.Encode(v.Seal),
        SealMatches = v.SealMatches, MeetsDifficulty = v.MeetsDifficulty, SealByteOrder = v.ByteOrder, Scheme = r.Work.Scheme,
        MeetsOtherByteOrder = v.MeetsOtherByteOrder, IsStale = v.Head?.IsStale, CurrentBlock = v.Head?.CurrentBlock,
        Reason = v.Reason, CurrentDifficulty = v.Head?.CurrentDifficulty, MeetsCurrentDifficulty = v.Head?.MeetsCurrentDifficulty,
        LastPowRegistrationBlock = v.Head?.LastPowRegistrationBlock,
    };
}

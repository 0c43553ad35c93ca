namespace BittensorPow.Cmdlets.Output;

public sealed partial class SubtensorSubnet
{
    internal static SubtensorSubnet From(SubnetRow row, SubnetListingReport report)
    {
        var s = row.State;
        return new SubtensorSubnet
        {
            NetUid = s.NetUid, PowOpen = s.PowRegistrationAllowed, BurnOpen = s.RegistrationAllowed, Difficulty = row.Difficulty,
            MinDifficulty = s.MinDifficulty, MaxDifficulty = s.MaxDifficulty, Burn = Tao.FromRao(s.Burn),
            RegistrationsThisBlock = s.RegistrationsThisBlock, MaxRegistrationsPerBlock = s.MaxRegistrationsPerBlock,
            Neurons = s.SubnetworkN, MaxNeurons = s.MaxAllowedUids, EstimatedSolveTime = row.EstimatedSolveTime,
            HashRate = report.HashRate, HashRateSource = report.HashRateSource, Scheme = report.Scheme,
            BlockNumber = report.Header.Number, Endpoint = report.Endpoint,
        };
    }
}

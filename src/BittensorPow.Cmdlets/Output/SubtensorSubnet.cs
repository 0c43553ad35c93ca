namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-SubtensorSubnet: one subnet's registration state at the head, and how long registering by work would take.</summary>
public sealed class SubtensorSubnet
{
    public ushort NetUid { get; init; }
    public bool PowOpen { get; init; }
    public bool BurnOpen { get; init; }
    public ulong Difficulty { get; init; }
    public ulong MinDifficulty { get; init; }
    public ulong MaxDifficulty { get; init; }
    public decimal Burn { get; init; }
    public ushort RegistrationsThisBlock { get; init; }
    public ushort MaxRegistrationsPerBlock { get; init; }
    public ushort? Neurons { get; init; }
    public ushort MaxNeurons { get; init; }
    public TimeSpan? EstimatedSolveTime { get; init; }
    public double? HashRate { get; init; }
    public string? HashRateSource { get; init; }
    public SealScheme? Scheme { get; init; }
    public ulong BlockNumber { get; init; }
    public string Endpoint { get; init; } = "";

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

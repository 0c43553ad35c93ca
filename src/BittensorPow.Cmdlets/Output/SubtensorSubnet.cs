namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-SubtensorSubnet: one subnet's registration state at the head, and how long registering by work would take.</summary>
public sealed class SubtensorSubnet
{
    public ushort NetUid { get; init; }
    /// <summary>NetworkPowRegistrationAllowed: registration by work is open.</summary>
    public bool PowOpen { get; init; }
    /// <summary>NetworkRegistrationAllowed: burn registration is open.</summary>
    public bool BurnOpen { get; init; }
    /// <summary>The difficulty registration by work must meet: pow_register's clamped D on runtimes with it, else Difficulty.</summary>
    public ulong Difficulty { get; init; }
    public ulong MinDifficulty { get; init; }
    public ulong MaxDifficulty { get; init; }
    /// <summary>Burn(netuid) in TAO: what a burn registration costs now.</summary>
    public decimal Burn { get; init; }
    public ushort RegistrationsThisBlock { get; init; }
    public ushort MaxRegistrationsPerBlock { get; init; }
    /// <summary>SubnetworkN and MaxAllowedUids: neurons registered, and the most there may be.</summary>
    public ushort? Neurons { get; init; }
    public ushort MaxNeurons { get; init; }
    /// <summary>Difficulty ÷ HashRate: the expected time to a solution; null where there is no rate or registration only burns.</summary>
    public TimeSpan? EstimatedSolveTime { get; init; }
    /// <summary>Seals per second of the back end (measured once for the whole listing) or -HashRate.</summary>
    public double? HashRate { get; init; }
    public string? HashRateSource { get; init; }
    /// <summary>The seal registration by work takes on this runtime; null where register burns and there is no pow_register.</summary>
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

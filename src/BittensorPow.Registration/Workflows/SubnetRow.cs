namespace BittensorPow.Registration.Workflows;

/// <summary>
/// One subnet of a listing: its registration state and the difficulty registration by work must meet there (pow_register's
/// clamped D on runtimes with it, else the stored Difficulty), with the expected solve time at the listing's rate.
/// </summary>
public sealed record SubnetRow(PowRegistrationState State, ulong Difficulty)
{
    /// <summary>Difficulty ÷ hash rate: the expected time to a solution (each seal wins with probability 1/D); null without a rate.</summary>
    public TimeSpan? EstimatedSolveTime { get; init; }

    /// <summary>D ÷ rate as a TimeSpan, saturating where D is far beyond the rate (u64::MAX at 1 H/s is ~585 billion years).</summary>
    public static TimeSpan SolveTime(ulong difficulty, double sealsPerSecond)
    {
        double seconds = difficulty / sealsPerSecond;
        return seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
    }
}

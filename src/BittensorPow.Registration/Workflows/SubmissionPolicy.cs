namespace BittensorPow.Registration.Workflows;

/// <summary>
/// How an extrinsic carrying work is submitted, alike on every registration route and the faucet: what to wait for, how
/// long one attempt may take, and how many attempts there are (a proof gone stale is solved again).
/// </summary>
public sealed record SubmissionPolicy
{
    public WaitFor Wait { get; init; } = WaitFor.InBlock;

    /// <summary>-TimeoutSec: the most one attempt may take, from its start to inclusion, every RPC and the solving included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Time already spent connecting, counted against the first attempt.</summary>
    public TimeSpan SpentConnecting { get; init; }

    public int MaxAttempts { get; init; } = 3;
}

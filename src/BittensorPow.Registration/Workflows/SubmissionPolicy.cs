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

    /// <summary>
    /// Connects within <see cref="Timeout"/> (<paramref name="bounds"/> says what it bounds, for the timeout's message) and
    /// returns this policy with the time that took, which the first attempt counts.
    /// </summary>
    public (ChainSession Chain, SubmissionPolicy Policy) Connect(Func<CallDeadline, ChainSession> connect, string bounds,
        CancellationToken cancellation)
    {
        using var connecting = new CallDeadline(Timeout, cancellation, bounds: bounds);
        var chain = connect(connecting);
        return (chain, this with { SpentConnecting = connecting.Elapsed });
    }
}

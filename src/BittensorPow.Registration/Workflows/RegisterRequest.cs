namespace BittensorPow.Registration.Workflows;

/// <summary>What to register and how; the keys are the caller's to dispose.</summary>
public sealed record RegisterRequest(ushort NetUid, Sr25519KeyPair Hotkey, byte[] Coldkey, SolveRequest Solve)
{
    /// <summary>A solution to submit first; null solves one here.</summary>
    public Solution? Solution { get; init; }
    public SealByteOrder? SealByteOrder { get; init; }
    public WaitFor Wait { get; init; } = WaitFor.InBlock;
    /// <summary>-TimeoutSec: the most one attempt may take, from its start to inclusion, every RPC and the solving included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Time already spent connecting, counted against the first attempt.</summary>
    public TimeSpan SpentConnecting { get; init; }
    public int MaxAttempts { get; init; } = 3;
    /// <summary>Submit without the local checks and let the chain judge (for diagnosis).</summary>
    public bool SkipValidation { get; init; }
}

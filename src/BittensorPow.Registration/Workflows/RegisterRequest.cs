namespace BittensorPow.Registration.Workflows;

/// <summary>What to register and how; the keys are the caller's to dispose.</summary>
public sealed record RegisterRequest(ushort NetUid, Sr25519KeyPair Hotkey, byte[] Coldkey, SolveRequest Solve)
{
    /// <summary>A solution to submit first; null solves one here.</summary>
    public Solution? Solution { get; init; }
    public SealByteOrder? SealByteOrder { get; init; }
    /// <summary>-Wait, -TimeoutSec and the attempts (<see cref="SubmissionPolicy"/>).</summary>
    public SubmissionPolicy Submission { get; init; } = new();
    /// <summary>Submit without the local checks and let the chain judge (for diagnosis).</summary>
    public bool SkipValidation { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>pow_register for the wallet's hotkey on a subnet, signed by the wallet's coldkey (unlocked once, before any solving).</summary>
public sealed record PowRegisterRequest(ushort NetUid, WalletAccess Wallet, SolveRequest Solve)
{
    /// <summary>A pow_register solution to submit first; null solves one here.</summary>
    public Solution? Solution { get; init; }

    /// <summary>-DifficultyMargin: solve for D·M so a proof survives a competitor's registration (×1.26) within its window.</summary>
    public double DifficultyMargin { get; init; } = 1;
    /// <summary>-Wait, -TimeoutSec and the attempts (<see cref="SubmissionPolicy"/>).</summary>
    public SubmissionPolicy Submission { get; init; } = new();

    /// <summary>Submit without the local re-checks and let the chain judge (for diagnosis).</summary>
    public bool SkipValidation { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>pow_register for the wallet's hotkey on a subnet, signed by the wallet's coldkey (unlocked once, before any solving).</summary>
public sealed record PowRegisterRequest(ushort NetUid, WalletAccess Wallet, SolveRequest Solve)
{
    /// <summary>A pow_register solution to submit first; null solves one here.</summary>
    public Solution? Solution { get; init; }

    /// <summary>-DifficultyMargin: solve for D·M so a proof survives a competitor's registration (×1.26) within its window.</summary>
    public double DifficultyMargin { get; init; } = 1;
    public WaitFor Wait { get; init; } = WaitFor.InBlock;

    /// <summary>-TimeoutSec: the most one attempt may take, from its start to inclusion, every RPC and the solving included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan SpentConnecting { get; init; }
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Submit without the local re-checks and let the chain judge (for diagnosis).</summary>
    public bool SkipValidation { get; init; }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Register-SubtensorNeuron as the user asked for it: a subnet (or a piped solution that names one), the wallet, how to
/// solve, and the knobs of the submission. <see cref="RegisterNeuron"/> decides from the runtime how to register.
/// </summary>
public sealed record RegisterNeuronRequest(ushort? NetUid, WalletAccess Wallet, SolveRequest Solve)
{
    /// <summary>-Endpoint, -Network and -ReconnectLimitSec; neither named: a piped solution's endpoint, else btcli's defaults.</summary>
    public NodeChoice Node { get; init; } = NodeChoice.Default;

    /// <summary>The connection a pipeline keeps across its records; null: this request connects and disconnects.</summary>
    public ChainSessions? Sessions { get; init; }

    /// <summary>A solution to submit first; null solves one here.</summary>
    public Solution? Solution { get; init; }
    public SealByteOrder? SealByteOrder { get; init; }

    /// <summary>-DifficultyMargin (pow_register): solve for the chain's D times this.</summary>
    public double DifficultyMargin { get; init; } = 1;

    /// <summary>-WaitForPow: while PoW registration is closed on the subnet, follow heads and start on the first where it is open.</summary>
    public bool WaitForPow { get; init; }

    /// <summary>-MaxDifficulty: refuse before any work when the subnet's difficulty is above it (with -WaitForPow: wait until it is not).</summary>
    public ulong? MaxDifficulty { get; init; }

    /// <summary>-MaxCost: the most TAO a burn registration may cost; null refuses to burn (and shows the burn).</summary>
    public decimal? MaxCost { get; init; }
    /// <summary>-Wait, -TimeoutSec and the attempts (<see cref="SubmissionPolicy"/>).</summary>
    public SubmissionPolicy Submission { get; init; } = new();

    /// <summary>Submit without the local checks and let the chain judge (for diagnosis).</summary>
    public bool SkipValidation { get; init; }
}

namespace BittensorPow.Engine;

/// <summary>
/// The chain's window for work, counted from the block that executes the transaction (at the earliest the head + 1).
/// Legacy seal (SPEC §3): block_number ≤ current and current − block_number &lt; 3, so work on the head or the block
/// before it still lands. pow_register (SPEC §10): work_block &lt; now and now − work_block ≤ 5, so work on the head H
/// lands in H+1 … H+5.
/// </summary>
public static class Staleness
{
    /// <summary>Blocks a legacy solution stays acceptable for, counted from the block that executes it.</summary>
    public const ulong Window = 3;

    /// <summary>The most blocks pow_register's executing block may be past its work block.</summary>
    public const ulong PowRegisterWindow = 5;

    /// <summary>
    /// The legacy rule: stale unless the solution's block is the head or the one before it. (btcli's b &lt; head − 3 is
    /// too lenient.)
    /// </summary>
    public static bool IsStale(ulong solutionBlock, ulong head) => solutionBlock > head + 1 || head + 1 - solutionBlock >= Window;

    /// <summary>The rule of <paramref name="challenge"/>'s scheme at <paramref name="head"/>.</summary>
    public static bool IsStale(Challenge challenge, ulong head) => challenge.Scheme switch
    {
        SealScheme.PowRegisterV1 => IsPowRegisterStale(challenge.BlockNumber, head),
        _ => IsStale(challenge.BlockNumber, head),
    };

    /// <summary>pow_register: the next block must be after the work block and at most five past it.</summary>
    public static bool IsPowRegisterStale(ulong workBlock, ulong head) => workBlock > head || head + 1 - workBlock > PowRegisterWindow;

    /// <summary>The last head at which work on <paramref name="workBlock"/> can still be submitted.</summary>
    public static ulong LastHeadFor(Challenge challenge) =>
        challenge.BlockNumber + (challenge.Scheme == SealScheme.PowRegisterV1 ? PowRegisterWindow - 1 : Window - 2);
}

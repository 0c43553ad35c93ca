namespace BittensorPow.Engine;

/// <summary>SPEC §3: the chain accepts block_number ≤ current and current − block_number &lt; 3.</summary>
public static class Staleness
{
    /// <summary>Blocks a solution stays acceptable for, counted from the block that executes it.</summary>
    public const ulong Window = 3;

    /// <summary>
    /// The earliest block a transaction sent now executes in is head + 1, so a solution for block b still lands while
    /// head + 1 − b &lt; 3, i.e. for the head and the block before it. (btcli's b &lt; head − 3 is too lenient.)
    /// </summary>
    public static bool IsStale(ulong solutionBlock, ulong head) => solutionBlock > head + 1 || head + 1 - solutionBlock >= Window;
}

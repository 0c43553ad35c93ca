using System.Management.Automation;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>SPEC §3: the chain accepts block_number ≤ current and current − block_number &lt; 3.</summary>
internal static class StalenessCheck
{
    public sealed record Result(bool IsStale, ulong CurrentBlock);

    /// <summary>A solution for block b lands in block head+1 at the earliest, so it is stale once head + 1 − b ≥ 3.</summary>
    public static bool IsStale(ulong solutionBlock, ulong head) => solutionBlock > head + 1 || head + 1 - solutionBlock >= 3;

    public static Result? Check(PSCmdlet cmdlet, string endpoint, ulong blockNumber, CancellationToken cancellation) => null;
}

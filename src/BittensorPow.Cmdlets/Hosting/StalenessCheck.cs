using System.Management.Automation;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>SPEC §3: the chain accepts block_number ≤ current and current − block_number &lt; 3.</summary>
internal static class StalenessCheck
{
    public sealed record Result(bool IsStale, ulong CurrentBlock);

    /// <summary>
    /// The earliest block a transaction sent now executes in is head + 1, so a solution for block b still
    /// lands while head + 1 − b &lt; 3, i.e. for the head and the block before it. (btcli's b &lt; head − 3 is too lenient.)
    /// </summary>
    public static bool IsStale(ulong solutionBlock, ulong head) => solutionBlock > head + 1 || head + 1 - solutionBlock >= 3;

    public static Result Check(ChainSession chain, ulong blockNumber, CancellationToken cancellation)
    {
        var head = chain.Call(() => chain.Client.GetHeadAsync(cancellation));
        return new Result(IsStale(blockNumber, head.Number), head.Number);
    }
}

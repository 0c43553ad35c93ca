using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>New-PowSolution -NetUid: wires a subtensor node into the solver (block template from the chain head).</summary>
internal static class OnlineSolve
{
    public static void Run(PSCmdlet cmdlet, ushort netUid, string? endpoint, string? network, byte[] hotkey, SealByteOrder? order,
        PowBackend backend, int? threads, int[]? deviceIds, int threadsPerBlock, SolverOptions options, CancellationToken cancellation) =>
        throw new PowErrorRecordException(PowErrors.Create("ChainNotAvailable", ErrorCategory.NotImplemented, netUid,
            "Solving against a live node is not part of this build yet.", "Use the offline parameter set: -BlockHash -BlockNumber -Difficulty."));
}

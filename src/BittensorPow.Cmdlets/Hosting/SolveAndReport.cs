using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>Runs a solve with progress and turns its outcome into a PowSolution or the right error.</summary>
internal static class SolveAndReport
{
    public const int ProgressId = 1;

    public static PowSolution? Run(PSCmdlet cmdlet, IReadOnlyList<ISealSearcher> searchers, IBlockTemplateSource source, SolverOptions options,
        CancellationToken cancellation, ushort? netUid, string? endpoint, string sealRule,
        System.Collections.Concurrent.ConcurrentQueue<string>? sourceMessages = null)
    {
        try
        {
            var first = source.Current;
            cmdlet.WriteVerbose($"Solving {first} with {searchers[0].Name} on {searchers.Count} worker(s), {options.UpdateInterval ?? searchers[0].PreferredBatch:N0} nonces per round.");
            using var session = PowSolver.Start(searchers, source, options, cancellation);
            cmdlet.WriteVerbose($"Nonces start at {session.NonceStart}.");
            var result = SolveRunner.Run(cmdlet, session, $"Solving registration PoW{(netUid is { } n ? $" for subnet {n}" : "")}", ProgressId, cancellation, sourceMessages: sourceMessages);
            var s = result.Statistics;
            cmdlet.WriteVerbose($"{result.Outcome} after {s.NoncesTried:N0} nonces in {s.Elapsed.TotalSeconds:F2} s ({SolveRunner.FormatRate(s.HashRateAverage)} average, {s.Rounds:N0} rounds, {s.BlocksSeen} block(s)).");
            switch (result.Outcome)
            {
                case SolveOutcome.Solved:
                    var t = result.Template!;
                    return new PowSolution
                    {
                        Nonce = result.Nonce, BlockNumber = t.BlockNumber, BlockHash = HexInput.Format(t.BlockHash),
                        Difficulty = t.Difficulty.Value, Seal = HexInput.Format(result.Seal), Hotkey = Ss58.Encode(t.Hotkey),
                        HotkeyPublicKey = HexInput.Format(t.Hotkey), SealByteOrder = t.ByteOrder, NetUid = netUid, Endpoint = endpoint,
                        Backend = result.Backend, NoncesTried = s.NoncesTried, HashRate = s.HashRate > 0 ? s.HashRate : s.HashRateAverage,
                        Elapsed = s.Elapsed, SealRule = sealRule, BlocksSeen = s.BlocksSeen,
                    };
                case SolveOutcome.TimedOut:
                    cmdlet.WriteError(PowErrors.Create(ErrorIds.PowSolveTimeout, ErrorCategory.OperationTimeout, source.Current,
                        $"No solution within {options.Timeout?.TotalSeconds:0.###} s: {s.NoncesTried:N0} nonces tried at {SolveRunner.FormatRate(s.HashRateAverage)}; expected work is about {s.Difficulty:N0} seals.",
                        "Raise -TimeoutSec, use a faster back end (-Backend Cpu, -Cuda), or more threads."));
                    return null;
                case SolveOutcome.Cancelled:
                    throw new PipelineStoppedException();
                default:
                    throw new PowErrorRecordException(PowErrors.Create(ErrorIds.PowSolveFailed, ErrorCategory.DeviceError, result.Backend,
                        $"The solver failed: {result.Error?.Message}", "Try another back end (-Backend Cpu); Get-PowDevice lists what works here.", result.Error));
            }
        }
        finally
        {
            foreach (var searcher in searchers) searcher.Dispose();
        }
    }
}

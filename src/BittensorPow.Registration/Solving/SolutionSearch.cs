namespace BittensorPow.Registration.Solving;

/// <summary>Runs one solve to its end and turns the outcome into a <see cref="Solution"/> or the right error.</summary>
public static class SolutionSearch
{
    /// <summary>Disposes the searchers when done.</summary>
    /// <exception cref="PowException">Timed out (PowSolveTimeout) or a back end failed (PowSolveFailed).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; every worker has stopped.</exception>
    public static Solution Run(SearchPlan plan, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (searchers, source, options) = plan;
        var netUid = plan.NetUid;
        try
        {
            output.Verbose($"Solving {source.Current} with {searchers[0].Name} on {searchers.Count} worker(s), " +
                $"{options.UpdateInterval ?? searchers[0].PreferredBatch:N0} nonces per round.");
            using var session = PowSolver.Start(searchers, source, options, cancellation);
            output.Verbose($"Nonces start at {session.NonceStart}.");
            var display = new SolveDisplay(ProgressActivity.Solving, $"Solving registration PoW{(netUid is { } n ? $" for subnet {n}" : "")}")
            {
                SourceMessages = (source as HeadTemplateSource)?.Messages, Node = plan.Node,
            };
            var result = SolveRunner.Run(session, display, output, cancellation);
            var s = result.Statistics;
            output.Verbose($"{result.Outcome} after {s.NoncesTried:N0} nonces in {s.Elapsed.TotalSeconds:F2} s " +
                $"({SolveRunner.FormatRate(s.HashRateAverage)} average, {s.Rounds:N0} rounds, {s.BlocksSeen} block(s)" +
                (s.TemplateSwitchDelay is { } d ? $", last move to new work {d.TotalMilliseconds:F1} ms" : "") + ").");
            return result.Outcome switch
            {
                SolveOutcome.Solved => new Solution(result.Template!.Challenge, result.Template.Difficulty, result.Nonce, result.Seal!)
                {
                    NetUid = netUid ?? (result.Template.Challenge as PowRegisterChallenge)?.NetUid,
                    Endpoint = plan.Endpoint, Backend = result.Backend, SealRule = plan.SealRule, Statistics = s,
                },
                SolveOutcome.TimedOut => throw new PowException(new PowError(
                    ErrorIds.PowSolveTimeout, PowErrorCategory.OperationTimeout, source.Current,
                    $"No solution within {options.Timeout?.TotalSeconds:0.###} s: {s.NoncesTried:N0} nonces tried at " +
                    $"{SolveRunner.FormatRate(s.HashRateAverage)}; expected work is about {s.Difficulty:N0} seals.",
                    "Raise -TimeoutSec, use a faster back end (-Backend Cpu, -Cuda), or more threads.")),
                SolveOutcome.Cancelled => throw new OperationCanceledException(cancellation),
                SolveOutcome.Exhausted => throw new PowException(new PowError(
                    ErrorIds.NonceRangeExhausted, PowErrorCategory.LimitsExceeded, source.Current,
                    $"Every nonce of the range given ({s.NonceCount:N0} from {s.NonceStart}) was tried without a solution.",
                    "Leave -NonceCount out to search without a limit, or give a larger range.")),
                _ => throw new PowException(new PowError(ErrorIds.PowSolveFailed, PowErrorCategory.DeviceError, result.Backend,
                    $"The solver failed: {result.Error?.Message}",
                    "Try another back end (-Backend Cpu); Get-PowDevice lists what works here.")
                { Inner = result.Error }),
            };
        }
        finally
        {
            foreach (var searcher in searchers) searcher.Dispose();
        }
    }
}

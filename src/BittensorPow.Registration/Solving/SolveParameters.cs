using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Errors;

namespace BittensorPow.Registration.Solving;

/// <summary>Checks the solver knobs users type, with an error id per knob.</summary>
public static class SolveParameters
{
    public static SolverOptions Validate(int? threadCount, ulong? updateInterval, double? timeoutSec, ulong? nonceStart, ulong? nonceCount = null)
    {
        if (nonceCount is 0)
            throw PowException.Parameter(ErrorIds.InvalidNonceCount, nonceCount,
                "NonceCount 0 is not valid: the range must hold at least one nonce.", "Pass a positive -NonceCount, or leave it out to search without a limit.");
        if (threadCount is < 1)
            throw PowException.Parameter(ErrorIds.InvalidThreadCount, threadCount,
                $"ThreadCount {threadCount} is not valid: at least one worker thread is needed.",
                $"Pass -ThreadCount between 1 and {Environment.ProcessorCount * 4}, or leave it out to use all {Environment.ProcessorCount} logical cores.");
        if (threadCount > Environment.ProcessorCount * 4)
            throw PowException.Parameter(ErrorIds.InvalidThreadCount, threadCount,
                $"ThreadCount {threadCount} is far more than this machine's {Environment.ProcessorCount} logical cores.",
                "More threads than cores only slow the solve; leave -ThreadCount out to use every core.");
        if (updateInterval is 0)
            throw PowException.Parameter(ErrorIds.InvalidUpdateInterval, updateInterval,
                "UpdateInterval 0 is not valid: each round must try at least one nonce.", "Leave -UpdateInterval out (50,000 per CPU round) or pass a positive number.");
        if (timeoutSec is { } t && (double.IsNaN(t) || t <= 0))
            throw PowException.Parameter(ErrorIds.InvalidTimeout, timeoutSec,
                $"TimeoutSec {t} is not valid.", "Pass a positive number of seconds, or leave -TimeoutSec out to solve until found.");
        return new SolverOptions
        {
            UpdateInterval = updateInterval,
            NonceStart = nonceStart,
            NonceCount = nonceCount,
            Timeout = timeoutSec is { } s ? TimeSpan.FromSeconds(s) : null,
        };
    }
}

using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Errors;

namespace BittensorPow.Registration.Solving;

/// <summary>Checks the solver knobs users type, with an error id per knob.</summary>
public static class SolveParameters
{
    /// <summary>About 31 years: far past any solve, well inside TimeSpan.</summary>
    public const double MaxTimeoutSec = 1e9;

    public static SolverOptions Validate(int? threadCount, ulong? updateInterval, double? timeoutSec, ulong? nonceStart)
    {
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
        // NaN, zero, negative, infinite, or past what a TimeSpan holds (TimeSpan.FromSeconds would throw).
        if (timeoutSec is { } t && !(t > 0 && t <= MaxTimeoutSec))
            throw PowException.Parameter(ErrorIds.InvalidTimeout, timeoutSec,
                $"TimeoutSec {t} is not valid.", $"Pass a positive number of seconds up to {MaxTimeoutSec:N0}, or leave -TimeoutSec out to solve until found.");
        return new SolverOptions
        {
            UpdateInterval = updateInterval,
            NonceStart = nonceStart,
            Timeout = timeoutSec is { } s ? TimeSpan.FromSeconds(s) : null,
        };
    }
}

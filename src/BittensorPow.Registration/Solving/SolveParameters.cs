namespace BittensorPow.Registration.Solving;

/// <summary>Checks the solver knobs users type, with an error id per knob.</summary>
public static class SolveParameters
{
    /// <summary>About 31 years: far past any solve, well inside TimeSpan.</summary>
    public const double MaxTimeoutSec = 1e9;

    /// <summary>The most samples -HashRateSamples keeps: at the 250 ms sample interval, about four minutes.</summary>
    public const int MaxHashRateSamples = 1000;

    /// <summary>
    /// The back end the knobs choose (-Cuda and -OpenCL are short for -Backend; GPU-only knobs are refused for the CPU),
    /// with the solver options they give.
    /// </summary>
    /// <exception cref="PowException">ConflictingParameters, or the id of the knob at fault (see <see cref="Validate"/>).</exception>
    public static Workflows.SolveRequest Request(SolveKnobs knobs)
    {
        var backend = UserInput.ChooseBackend(knobs.Backend ?? PowBackend.Cpu, knobs.Backend is not null, knobs.Cuda, knobs.OpenCL);
        UserInput.Backend(backend, knobs.DeviceIds, knobs.ThreadsPerBlock is not null);
        return new(backend, knobs.ThreadCount, knobs.DeviceIds, knobs.ThreadsPerBlock ?? GpuBackends.DefaultThreadsPerBlock, Validate(knobs));
    }

    public static SolverOptions Validate(SolveKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        var (threadCount, updateInterval, timeoutSec, nonceStart) = (knobs.ThreadCount, knobs.UpdateInterval, knobs.TimeoutSec, knobs.NonceStart);
        var (hashRateSamples, hashRateAlpha, nonceCount) = (knobs.HashRateSamples, knobs.HashRateAlpha, knobs.NonceCount);
        if (nonceCount is 0)
            throw PowException.Parameter(ErrorIds.InvalidNonceCount, nonceCount,
                "NonceCount 0 is not valid: the range must hold at least one nonce.",
                "Pass a positive -NonceCount, or leave it out to search without a limit.");
        if (threadCount is < 1)
            throw PowException.Parameter(ErrorIds.InvalidThreadCount, threadCount,
                $"ThreadCount {threadCount} is not valid: at least one worker thread is needed.",
                $"Pass -ThreadCount between 1 and {Environment.ProcessorCount * 4}, " +
                $"or leave it out to use all {Environment.ProcessorCount} logical cores.");
        if (threadCount > Environment.ProcessorCount * 4)
            throw PowException.Parameter(ErrorIds.InvalidThreadCount, threadCount,
                $"ThreadCount {threadCount} is far more than this machine's {Environment.ProcessorCount} logical cores.",
                "More threads than cores only slow the solve; leave -ThreadCount out to use every core.");
        if (updateInterval is 0)
            throw PowException.Parameter(ErrorIds.InvalidUpdateInterval, updateInterval,
                "UpdateInterval 0 is not valid: each round must try at least one nonce.",
                "Leave -UpdateInterval out (50,000 per CPU round) or pass a positive number.");
        // NaN, zero, negative, infinite, or past what a TimeSpan holds (TimeSpan.FromSeconds would throw).
        if (timeoutSec is { } t && !(t > 0 && t <= MaxTimeoutSec))
            throw PowException.Parameter(ErrorIds.InvalidTimeout, timeoutSec,
                $"TimeoutSec {t} is not valid.",
                $"Pass a positive number of seconds up to {MaxTimeoutSec:N0}, or leave -TimeoutSec out to solve until found.");
        if (hashRateSamples is < 1 or > MaxHashRateSamples)
            throw PowException.Parameter(ErrorIds.InvalidHashRateSamples, hashRateSamples,
                $"HashRateSamples {hashRateSamples} is not valid: the hash-rate average keeps 1 to {MaxHashRateSamples} samples.",
                "Pass -HashRateSamples between 1 and 1000, or leave it out for btcli's 10.");
        if (hashRateAlpha is { } a && (double.IsNaN(a) || a <= 0 || a > 1))
            throw PowException.Parameter(ErrorIds.InvalidHashRateAlpha, hashRateAlpha,
                $"HashRateAlpha {a} is not valid: it is the weight kept per older sample, above 0 and at most 1.",
                "Pass -HashRateAlpha above 0 and at most 1 (1 weighs every sample alike), or leave it out for btcli's 0.8.");
        var defaults = new SolverOptions();
        return new SolverOptions
        {
            HashRateSamples = hashRateSamples ?? defaults.HashRateSamples,
            HashRateAlpha = hashRateAlpha ?? defaults.HashRateAlpha,
            UpdateInterval = updateInterval,
            NonceStart = nonceStart,
            NonceCount = nonceCount,
            Timeout = timeoutSec is { } s ? TimeSpan.FromSeconds(s) : null,
        };
    }
}

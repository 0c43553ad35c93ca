namespace BittensorPow.Engine.Backends;

/// <summary>
/// The CPU back ends, one per instruction set, chosen at run time. A width is offered only when the processor
/// and runtime execute it natively (<c>IsHardwareAccelerated</c> and the ISA class), never when it would be emulated.
/// </summary>
public static class CpuBackends
{
    public const PowBackend Scalar = PowBackend.CpuScalar;
    public const PowBackend Avx2 = PowBackend.CpuAvx2;
    public const PowBackend Avx512 = PowBackend.CpuAvx512;

    /// <summary>The CPU back ends usable on this machine, best first.</summary>
    public static IReadOnlyList<PowBackend> Available()
    {
        var names = new List<PowBackend>(3);
        if (SealAvx512.IsSupported) names.Add(Avx512);
        if (SealAvx2.IsSupported) names.Add(Avx2);
        names.Add(Scalar);
        return names;
    }

    /// <summary>All CPU back ends this build knows, usable here or not, widest first.</summary>
    public static IReadOnlyList<PowBackend> Known() => [Avx512, Avx2, Scalar];

    /// <summary>The default of <c>-Backend Cpu</c>: the widest back end this machine runs natively.</summary>
    public static PowBackend Best() => Available()[0];

    public static bool IsAvailable(PowBackend backend) => Available().Contains(backend);

    /// <exception cref="NotSupportedException">Not a CPU back end, or this processor lacks its instructions.</exception>
    public static ISealSearcher Create(PowBackend backend)
    {
        if (backend == PowBackend.Cpu) backend = Best();
        if (!Known().Contains(backend))
            throw new NotSupportedException($"'{backend}' is not a CPU back end. Known: {string.Join(", ", Known())}.");
        if (!IsAvailable(backend))
            throw new NotSupportedException(
                $"CPU back end '{backend}' needs instructions this processor (or runtime) does not provide natively. "
                + $"Available here: {string.Join(", ", Available())}.");
        return backend switch
        {
            PowBackend.CpuAvx512 => new CpuSealSearcher<SealAvx512>(),
            PowBackend.CpuAvx2 => new CpuSealSearcher<SealAvx2>(),
            _ => new CpuSealSearcher<SealScalar>(),
        };
    }

    public static IReadOnlyList<ISealSearcher> CreateWorkers(PowBackend backend, int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "ThreadCount must be at least 1.");
        return Enumerable.Range(0, threads).Select(_ => Create(backend)).ToArray();
    }
}

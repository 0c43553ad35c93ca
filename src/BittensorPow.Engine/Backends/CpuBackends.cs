using BittensorPow.Engine.Backends.Cpu;

namespace BittensorPow.Engine.Backends;

/// <summary>
/// The CPU back ends, one per instruction set, chosen at run time. A width is offered only when the processor
/// and runtime execute it natively (<c>IsHardwareAccelerated</c> and the ISA class), never when it would be emulated.
/// </summary>
public static class CpuBackends
{
    public const string Scalar = "CpuScalar";
    public const string Avx2 = "CpuAvx2";
    public const string Avx512 = "CpuAvx512";

    /// <summary>Names of the CPU back ends usable on this machine, best first.</summary>
    public static IReadOnlyList<string> Available()
    {
        var names = new List<string>(3);
        if (SealAvx512.IsSupported) names.Add(Avx512);
        if (SealAvx2.IsSupported) names.Add(Avx2);
        names.Add(Scalar);
        return names;
    }

    /// <summary>All CPU back-end names this build knows, usable here or not, widest first.</summary>
    public static IReadOnlyList<string> Known() => [Avx512, Avx2, Scalar];

    /// <summary>The default of <c>-Backend Cpu</c>: the widest back end this machine runs natively.</summary>
    public static string Best() => Available()[0];

    public static bool IsAvailable(string name) => Available().Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="NotSupportedException">The name is unknown, or this processor lacks its instructions.</exception>
    public static ISealSearcher Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Known().Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new NotSupportedException($"'{name}' is not a CPU back end. Known: {string.Join(", ", Known())}.");
        if (!IsAvailable(name))
            throw new NotSupportedException($"CPU back end '{name}' needs instructions this processor (or runtime) does not provide natively. Available here: {string.Join(", ", Available())}.");
        return name.ToLowerInvariant() switch
        {
            "cpuavx512" => new CpuSealSearcher<SealAvx512>(),
            "cpuavx2" => new CpuSealSearcher<SealAvx2>(),
            _ => new CpuSealSearcher<SealScalar>(),
        };
    }

    public static IReadOnlyList<ISealSearcher> CreateWorkers(string name, int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "ThreadCount must be at least 1.");
        return Enumerable.Range(0, threads).Select(_ => Create(name)).ToArray();
    }
}

namespace BittensorPow.Engine.Backends;

/// <summary>The CPU back ends this machine can run, best first; vector widths register themselves here.</summary>
public static class CpuBackends
{
    public const string Scalar = "CpuScalar";

    /// <summary>Names of the CPU back ends usable on this machine, best first.</summary>
    public static IReadOnlyList<string> Available() => [Scalar];

    /// <summary>All CPU back-end names this build knows, usable here or not.</summary>
    public static IReadOnlyList<string> Known() => [Scalar];

    public static string Best() => Available()[0];

    public static bool IsAvailable(string name) => Available().Contains(name, StringComparer.OrdinalIgnoreCase);

    public static ISealSearcher Create(string name) => name.ToLowerInvariant() switch
    {
        "cpuscalar" => new ScalarSealSearcher(),
        _ => throw new NotSupportedException($"CPU back end '{name}' is not available on this machine. Available: {string.Join(", ", Available())}."),
    };

    public static IReadOnlyList<ISealSearcher> CreateWorkers(string name, int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "ThreadCount must be at least 1.");
        return Enumerable.Range(0, threads).Select(_ => Create(name)).ToArray();
    }
}

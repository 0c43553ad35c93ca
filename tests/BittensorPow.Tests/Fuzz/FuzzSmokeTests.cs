using BittensorPow.Fuzz;

namespace BittensorPow.Tests.Fuzz;

/// <summary>
/// A short, uninstrumented smoke of every target: its seeds, then random byte mutations of them for a fixed time.
/// Not a substitute for `build.ps1 -Task Fuzz`; it keeps the targets and their seeds from rotting between runs.
/// </summary>
public sealed class FuzzSmokeTests
{
    private static readonly TimeSpan PerTarget = TimeSpan.FromSeconds(1);

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Seeds_and_mutations_run_without_a_finding(string name)
    {
        var target = FuzzTargets.Get(name);
        var seeds = target.Seeds().ToList();
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds) Run(target, seed);

        var random = new Random(name.GetHashCode(StringComparison.Ordinal) ^ Environment.TickCount);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < PerTarget)
            Run(target, Mutate(seeds[random.Next(seeds.Count)], random));
    }

    private static void Run(FuzzTarget target, byte[] input)
    {
        try { AllocationGuard.Run(target.Run, input); }
        catch (Exception e)
        {
            Assert.Fail($"{target.Name} input {Convert.ToHexString(input)} threw {e}");
        }
    }

    /// <summary>A few of AFL's havoc moves: flip, set interesting bytes, cut, duplicate a slice.</summary>
    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        for (int n = random.Next(1, 8); n > 0; n--)
        {
            int at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(5))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when data.Count > 0: data[at] = (byte)(random.Next(2) == 0 ? 0xff : random.Next(256)); break;
                case 2 when data.Count > 0: data.RemoveRange(at, random.Next(1, data.Count - at + 1)); break;
                case 3: data.InsertRange(at, data.Skip(at).Take(random.Next(1, 16)).ToArray()); break;
                default: data.Insert(at, (byte)random.Next(256)); break;
            }
        }
        return [.. data];
    }
}

using BittensorPow.Engine.Solving;
using System.Diagnostics;
using System.Security.Cryptography;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Bench;

/// <summary>
/// <c>gpu [--backend Cuda|OpenCL|IlgpuCpu] [--devices 0,1] [--seconds N] [--tpb 256] [--verify] [--audit N] [--solve D]</c>:
/// device info, seals/s per device of every kernel (legacy big- and little-endian, pow_register) in the same run, and
/// with --verify / --audit / --solve searches checked against the CPU.
/// <c>ptx [--out DIR]</c>: the search kernels as PTX for sm_90 (ISA 7.8), no GPU needed.
/// </summary>
public static class GpuBench
{
    public static int Run(string[] args)
    {
        var kind = PowBackend.Cuda;
        IReadOnlyList<int>? devices = null;
        double seconds = 5;
        int tpb = GpuBackends.DefaultThreadsPerBlock;
        bool verify = false;
        ulong solveDifficulty = 0;
        int audits = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--backend": kind = Enum.Parse<PowBackend>(args[++i], ignoreCase: true); break;
                case "--devices": devices = args[++i].Split(',').Select(int.Parse).ToArray(); break;
                case "--seconds": seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--tpb": tpb = int.Parse(args[++i]); break;
                case "--verify": verify = true; break;
                case "--solve": solveDifficulty = ulong.Parse(args[++i]); break;
                case "--audit": audits = int.Parse(args[++i]); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var listed = GpuDevices.List(out var problems);
        foreach (var d in listed)
            Console.WriteLine($"device {d.Kind} {d.Id}: {d.Name}; units {d.ComputeUnits}; clock {d.ClockMHz} MHz; "
                + $"memory {d.MemoryBytes / (1 << 20)} MiB; arch {d.Architecture}; driver {d.Driver}");
        foreach (var p in problems) Console.WriteLine($"note: {p}");

        var clock = Stopwatch.StartNew();
        IReadOnlyList<GpuSealSearcher> searchers;
        try
        {
            searchers = GpuBackends.CreateSearchers(kind, devices, tpb);
        }
        catch (Exception ex) when (ex is GpuDeviceNotFoundException or GpuDeviceException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 3;
        }
        Console.WriteLine($"opened {searchers.Count} {kind} device(s) in {clock.Elapsed.TotalSeconds:F2} s (compile + calibration)");
        try
        {
            foreach (var s in searchers)
                Console.WriteLine($"{s.Name}: tpb {s.ThreadsPerBlock}, launch {s.LaunchSize:N0} nonces, "
                    + $"calibrated {s.MeasuredRate / 1e6:F1} M seals/s");
            Throughputs(searchers, TimeSpan.FromSeconds(seconds));
            if (audits > 0 && Audit(searchers[0], audits) != 0) return 1;
            if (verify && Verify(searchers[0]) != 0) return 1;
            return solveDifficulty > 0 ? SolveWithSolver(searchers, solveDifficulty) : 0;
        }
        finally
        {
            foreach (var s in searchers) s.Dispose();
        }
    }

    /// <summary>The kernels a device runs, each with a random template of the given difficulty.</summary>
    private static readonly (string Name, Func<ulong, BlockTemplate> Template)[] Kernels =
    [
        ("legacy BE", d => RandomTemplate(d, SealByteOrder.BigEndian)),
        ("legacy LE", d => RandomTemplate(d, SealByteOrder.LittleEndian)),
        ("pow_register", RandomPowRegisterTemplate),
    ];

    /// <summary>
    /// The path users take: PowSolver drives every device, re-verifies the hit on the CPU and keeps the statistics.
    /// Solves every kernel's seal at the given difficulty on random templates.
    /// </summary>
    private static int SolveWithSolver(IReadOnlyList<GpuSealSearcher> searchers, ulong difficulty)
    {
        int status = 0;
        foreach (var (kernel, makeTemplate) in Kernels)
        {
            var template = makeTemplate(difficulty);
            using var session = PowSolver.Start(searchers, new FixedTemplateSource(template), new SolverOptions(), CancellationToken.None);
            var result = session.Completion.GetAwaiter().GetResult();
            var st = result.Statistics;
            bool ok = result.Outcome == SolveOutcome.Solved && template.Verify(result.Nonce, out _);
            Console.WriteLine($"solver {kernel} D={difficulty:N0}: {result.Outcome} nonce {result.Nonce} after {st.NoncesTried:N0} nonces "
                + $"in {st.Elapsed.TotalSeconds:F2} s "
                + $"({st.HashRateAverage / 1e9:F2} G seals/s average, {st.Rounds} rounds, device faults {st.DeviceFaults}); "
                + $"CPU re-check {(ok ? "OK" : "FAILED")}");
            if (!ok) status = 1;
        }
        return status;
    }

    /// <summary>
    /// Every kernel for the same time on the same devices, one after the other, and pow_register's rate against the
    /// legacy kernels' (issue 17: at least 0.95× the legacy little-endian kernel).
    /// </summary>
    private static void Throughputs(IReadOnlyList<GpuSealSearcher> searchers, TimeSpan duration)
    {
        var rates = new Dictionary<string, double>();
        foreach (var (name, makeTemplate) in Kernels)
        {
            Console.WriteLine($"kernel {name}:");
            // The highest difficulty: a hit has probability ~2^-64 per seal, so every launch runs in full.
            rates[name] = Throughput(searchers, duration, makeTemplate(ulong.MaxValue));
        }
        Console.WriteLine($"pow_register / legacy LE: {rates["pow_register"] / rates["legacy LE"]:F3}×, "
            + $"/ legacy BE: {rates["pow_register"] / rates["legacy BE"]:F3}× (same devices, same run)");
    }

    /// <summary>Every device on its own thread over disjoint ranges, as the solver runs them; returns the total rate.</summary>
    private static double Throughput(IReadOnlyList<GpuSealSearcher> searchers, TimeSpan duration, BlockTemplate template)
    {
        var counts = new ulong[searchers.Count];
        var elapsed = new double[searchers.Count];
        var threads = searchers.Select((s, i) => new Thread(() =>
        {
            s.Prepare(template);
            // Disjoint per device; for pow_register from mid-span, so launches cross spans as they do in a solve.
            ulong start = ((ulong)i << 56) + 12_345_678;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                ulong batch = s.PreferredBatch;
                s.Search(start, batch, CancellationToken.None, out _);
                start += batch;
                counts[i] += batch;
            }
            elapsed[i] = clock.Elapsed.TotalSeconds;
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        double total = 0;
        for (int i = 0; i < searchers.Count; i++)
        {
            double rate = counts[i] / elapsed[i];
            total += rate;
            Console.WriteLine($"{searchers[i].Name}: {rate / 1e6:F1} M seals/s "
                + $"({counts[i]:N0} seals in {elapsed[i]:F2} s, launch {searchers[i].LaunchSize:N0})");
        }
        Console.WriteLine($"total: {total / 1e6:F1} M seals/s");
        return total;
    }

    /// <summary>
    /// Many short searches, each checked in full against the CPU back end: the GPU's answer for a range must be
    /// exactly the smallest passing position of that range (a miss or a wrong position both count). Runs take the
    /// kernels in turn (legacy LE first, straight after compiling); every second round crosses each kernel's hardest
    /// boundary: a multiple of 2^32 for the legacy ones, 2^64 for pow_register.
    /// </summary>
    private static int Audit(GpuSealSearcher searcher, int runs)
    {
        int failures = 0;
        for (int run = 0; run < runs; run++)
        {
            var (kernel, makeTemplate) = Kernels[(run + 1) % Kernels.Length];
            bool hardest = run / Kernels.Length % 2 == 1;
            ulong start = RandomNonce(), count;
            if (kernel == "pow_register")
            {
                // Up to 6 spans (the CPU may check them on the reference path: ~1 M seals/s per core) in as few
                // launches, from a third of the way before a span boundary, so that launches start and end mid-span
                // and each crosses spans (one dispatch per span).
                count = Math.Clamp(3 * searcher.PreferredBatch, 2_000_000UL, 100_000_000UL);
                ulong boundary = hardest ? 0 : start & ~(SpanDispatch.SpanLength - 1);
                start = unchecked(boundary - count / 3);
            }
            else
            {
                // Up to 40 launches (at most 200 M nonces, so that the CPU can check them all), with the first hit
                // expected a quarter of the way in: most ranges need several launches before the answer.
                count = Math.Clamp(40 * searcher.PreferredBatch, 2_000_000UL, 200_000_000UL);
                // Crossing a multiple of 2^32, where the nonce's high word (fixed per launch) changes.
                if (hardest) start = (start & ~0xFFFF_FFFFUL) + 0x1_0000_0000UL - count / 2;
            }
            var template = makeTemplate(Math.Max(10_000, count / 4));
            searcher.Prepare(template);
            var clock = Stopwatch.StartNew();
            bool found = searcher.Search(start, count, CancellationToken.None, out ulong position);
            double gpuSeconds = clock.Elapsed.TotalSeconds;
            ulong? expected = SmallestCpuHit(template, start, count);
            bool ok = found ? expected == position : expected is null;
            if (!ok) failures++;
            string gpu = found ? $"start + {unchecked(position - start):N0}" : "none";
            string cpu = expected is { } x ? $"start + {unchecked(x - start):N0}" : "none";
            Console.WriteLine($"audit {run + 1}/{runs} {kernel}: {(ok ? "OK" : "FAIL")} GPU {gpu}, CPU {cpu} of {count:N0} "
                + $"({gpuSeconds:F2} s, launch {searcher.LaunchSize:N0})");
        }
        Console.WriteLine($"audit: {runs - failures} of {runs} exact");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The smallest passing position of the range on every CPU core (chunks in parallel, the smallest hit wins).</summary>
    private static ulong? SmallestCpuHit(BlockTemplate template, ulong start, ulong count)
    {
        int chunks = Environment.ProcessorCount * 4;
        ulong chunk = (count + (ulong)chunks - 1) / (ulong)chunks;
        var hits = new ulong?[chunks];
        Parallel.For(0, chunks, c =>
        {
            ulong from = (ulong)c * chunk;
            if (from >= count) return;
            using var cpu = CpuSearcherFor(template);
            if (cpu.Search(unchecked(start + from), Math.Min(chunk, count - from), CancellationToken.None, out ulong n)) hits[c] = n;
        });
        return hits.FirstOrDefault(h => h is not null);
    }

    /// <summary>
    /// The best CPU back end prepared for <paramref name="template"/>, or the reference path for a seal it does not
    /// search (yet): pow_register's while the CPU kernels lack it.
    /// </summary>
    private static ISealSearcher CpuSearcherFor(BlockTemplate template)
    {
        var cpu = CpuBackends.Create(CpuBackends.Best());
        try
        {
            cpu.Prepare(template);
            return cpu;
        }
        catch (NotSupportedException)
        {
            cpu.Dispose();
            var reference = new ReferenceSealSearcher();
            reference.Prepare(template);
            return reference;
        }
    }

    /// <summary>
    /// For each kernel: the device's smallest passing position from a random start, checked on the CPU
    /// (the hit passes the reference rule and no position before it in the range does).
    /// </summary>
    private static int Verify(GpuSealSearcher searcher)
    {
        int failures = 0;
        foreach (var (kernel, makeTemplate) in Kernels)
        {
            var template = makeTemplate(1_000_000);
            ulong start = RandomNonce();
            searcher.Prepare(template);
            var clock = Stopwatch.StartNew();
            bool found = searcher.Search(start, 1UL << 28, CancellationToken.None, out ulong position);
            double gpuSeconds = clock.Elapsed.TotalSeconds;
            if (!found) { Console.WriteLine($"verify {kernel}: FAIL, no hit in 2^28 positions at difficulty 1,000,000"); failures++; continue; }
            ulong offset = unchecked(position - start);
            ulong nonce = template.Challenge.NonceAt(position);
            bool passes = template.Verify(nonce, out var seal);
            ulong? earlier = FirstCpuHit(template, start, offset);
            bool ok = passes && earlier is null;
            Console.WriteLine($"verify {kernel}: {(ok ? "OK" : "FAIL")} nonce {nonce} (position start + {offset:N0})"
                + $" seal 0x{Convert.ToHexStringLower(seal)} GPU {gpuSeconds:F3} s; CPU re-checked {offset:N0} earlier positions"
                + (earlier is { } e ? $"; CPU finds {e} first" : ""));
            if (!ok) failures++;
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The first passing position in [start, start + count) on the CPU reference path, in parallel chunks.</summary>
    private static ulong? FirstCpuHit(BlockTemplate template, ulong start, ulong count)
    {
        const ulong chunk = 1 << 16;
        long chunks = (long)((count + chunk - 1) / chunk);
        var hits = new ulong?[chunks];
        Parallel.For(0, chunks, c =>
        {
            using var cpu = new ReferenceSealSearcher();
            cpu.Prepare(template);
            ulong from = (ulong)c * chunk;
            if (cpu.Search(unchecked(start + from), Math.Min(chunk, count - from), CancellationToken.None, out ulong n)) hits[c] = n;
        });
        return hits.FirstOrDefault(h => h is not null);
    }

    private static BlockTemplate RandomTemplate(ulong difficulty, SealByteOrder order) =>
        new(new LegacyChallenge(1, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), order), new Difficulty(difficulty));

    private static BlockTemplate RandomPowRegisterTemplate(ulong difficulty) => new(
        new PowRegisterChallenge((ushort)RandomNumberGenerator.GetInt32(1, 1 << 16), 1, RandomNumberGenerator.GetBytes(32),
            RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)), new Difficulty(difficulty));

    private static ulong RandomNonce() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    public static int WritePtx(string[] args)
    {
        string outDir = Path.Combine("out", "ptx");
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out") outDir = args[++i];
            else { Console.Error.WriteLine($"unknown option {args[i]}"); return 2; }
        }
        Directory.CreateDirectory(outDir);
        foreach (var (name, ptx) in PtxExport.Compile())
        {
            var path = Path.Combine(outDir, name + ".ptx");
            File.WriteAllText(path, ptx);
            var version = ptx.Split('\n').FirstOrDefault(l => l.StartsWith(".version", StringComparison.Ordinal))?.Trim();
            Console.WriteLine($"{path}: {ptx.Length:N0} chars, {version}, {(ptx.Contains(".local") ? "USES .local" : "no .local")}");
        }
        return 0;
    }
}

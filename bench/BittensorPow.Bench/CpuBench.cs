using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using Org.BouncyCastle.Crypto.Digests;

namespace BittensorPow.Bench;

/// <summary>
/// Seals per second of each CPU back end on both seals (the legacy 40-byte pre-seal and pow_register's 131-byte
/// payload, SPEC §10) at 1 thread and at every core, against the naive baseline of each seal (SHA256.HashData + BouncyCastle
/// KeccakDigest(256)), all in the same run. Every measurement is repeated in rounds that interleave the two seals (their
/// order alternating between rounds) so that drift in the machine's load hits both alike; the table shows the best round.
/// The difficulty is 2^64 − 1 so no range ever hits and every position is counted.
/// </summary>
internal static class CpuBench
{
    private enum Scheme { Legacy, PowRegister }

    private sealed record Item(string Name, Scheme Seal, Func<Func<Work>> Factory);

    public static int Run(string[] args)
    {
        double seconds = 3;
        int rounds = 4;
        Scheme[] seals = [Scheme.Legacy, Scheme.PowRegister];
        int[]? requested = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length && double.TryParse(args[++i], out var s) && s > 0) seconds = s;
            else if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[++i], out var r) && r > 0) rounds = r;
            else if (args[i] == "--seal" && i + 1 < args.Length && args[++i] is "legacy" or "pow_register")
                seals = [args[i] == "legacy" ? Scheme.Legacy : Scheme.PowRegister];
            else if (args[i] == "--threads" && i + 1 < args.Length) requested = args[++i].Split(',').Select(int.Parse).Where(t => t > 0).ToArray();
            else
            {
                Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; "
                    + "usage: cpu [--seconds N] [--rounds N] [--threads 1,2,16] [--seal legacy|pow_register]");
                return 2;
            }
        }

        byte[] blockHash = [.. Enumerable.Range(0, 32).Select(i => (byte)i)], hotkey = [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))];
        byte[] coldkey = [.. Enumerable.Range(0, 32).Select(i => (byte)(3 * i + 1))];
        var impossible = new Difficulty(ulong.MaxValue);
        var templates = new Dictionary<Scheme, BlockTemplate>
        {
            [Scheme.Legacy] = new(new LegacyChallenge(1, blockHash, hotkey, SealByteOrder.LittleEndian), impossible),
            [Scheme.PowRegister] = new(new PowRegisterChallenge(1, 1, blockHash, hotkey, coldkey), impossible),
        };
        int cores = Environment.ProcessorCount;
        int[] threadCounts = requested is { Length: > 0 } ? [.. requested.Prepend(1).Distinct().Order()] : cores > 1 ? [1, cores] : [1];

        Console.WriteLine($"CPU: {CpuModel()}; {cores} logical processors; .NET {Environment.Version}; {RuntimeInformation.OSDescription}");
        Console.WriteLine($"ISA: Vector512 accelerated={Vector512.IsHardwareAccelerated}, "
            + $"Vector256 accelerated={Vector256.IsHardwareAccelerated}; "
            + $"available back ends: {string.Join(", ", CpuBackends.Available())}");
        Console.WriteLine($"{seconds:F1} s per measurement after a warm-up, best of {rounds} interleaved rounds; seals/s summed over threads.");
        Console.WriteLine($"Load average at start: {BenchFolders.LoadAverage()}");
        Console.WriteLine();

        const string naive = "Naive (SHA256.HashData + BouncyCastle Keccak)";
        var items = new List<Item>();
        foreach (var seal in seals)
            items.Add(new(naive, seal, () => seal == Scheme.Legacy ? NaiveLegacy(templates[seal]) : NaivePowRegister(templates[seal])));
        foreach (var name in CpuBackends.Known())
        {
            if (!CpuBackends.IsAvailable(name)) { Console.WriteLine($"{name}: not available on this machine, skipped."); continue; }
            foreach (var seal in seals) items.Add(new(name.ToString(), seal, () => Searcher(name, templates[seal])));
        }

        var best = new Dictionary<(string, Scheme, int), Rate>();
        var paired = new Dictionary<(string, int), List<Rate>>(); // pow_register / legacy within one round
        for (int round = 0; round < rounds; round++)
        {
            foreach (int t in threadCounts)
            {
                foreach (var group in items.GroupBy(item => item.Name))
                {
                    // Alternate which seal goes first, so a steady drift in load favours neither.
                    var ordered = round % 2 == 0 ? group.OrderBy(item => item.Seal) : group.OrderByDescending(item => item.Seal);
                    var rates = new Dictionary<Scheme, Rate>();
                    foreach (var item in ordered)
                    {
                        var rate = rates[item.Seal] = Measure(t, seconds, item.Factory);
                        var key = (item.Name, item.Seal, t);
                        best[key] = best.TryGetValue(key, out var b) ? Rate.Max(b, rate) : rate;
                    }
                    if (rates.Count < 2) continue;
                    if (!paired.TryGetValue((group.Key, t), out var list)) paired[(group.Key, t)] = list = [];
                    list.Add(rates[Scheme.PowRegister] / rates[Scheme.Legacy]);
                }
            }
            Console.WriteLine($"round {round + 1} of {rounds} done; load average {BenchFolders.LoadAverage()}");
        }
        Console.WriteLine();

        // Wall-clock rates are what a user gets; rates per CPU-second of the process (getrusage) are what the code costs,
        // and hold up when other processes take the cores.
        Console.WriteLine("| back end | seal | threads | M seals/s | per thread | M seals per CPU-s | × naive (same seal) | scaling from 1 "
            + "| pow_register / legacy: best (per round), per CPU-s best (per round) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (name, seal) in items.Select(item => (item.Name, item.Seal)))
        {
            foreach (int t in threadCounts)
            {
                var rate = best[(name, seal, t)];
                string scaling = t == 1 ? "" : $"{rate.Wall / best[(name, seal, 1)].Wall:F2}×";
                string ratio = "";
                if (seal == Scheme.PowRegister && seals.Length == 2)
                {
                    var old = best[(name, Scheme.Legacy, t)];
                    var perRound = paired[(name, t)];
                    ratio = $"{rate.Wall / old.Wall:F3} ({string.Join(", ", perRound.Select(r => r.Wall.ToString("F3")))}), "
                        + $"{rate.PerCpuSecond / old.PerCpuSecond:F3} ({string.Join(", ", perRound.Select(r => r.PerCpuSecond.ToString("F3")))})";
                }
                Console.WriteLine($"| {name} | {Label(seal)} | {t} | {rate.Wall / 1e6:F3} | {rate.Wall / t / 1e6:F3} | "
                    + $"{rate.PerCpuSecond / 1e6:F3} | {rate.Wall / best[(naive, seal, t)].Wall:F1}× | {scaling} | {ratio} |");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at end: {BenchFolders.LoadAverage()}");
        return 0;
    }

    private static string Label(Scheme seal) => seal == Scheme.Legacy ? "legacy (40 B)" : "pow_register (131 B)";

    /// <summary>A worker: called repeatedly until time is up, returns how many positions it tried.</summary>
    private delegate ulong Work(ulong start);

    private static Func<Work> Searcher(PowBackend name, BlockTemplate template) => () =>
    {
        var searcher = CpuBackends.Create(name);
        searcher.Prepare(template);
        return start =>
        {
            const ulong batch = 1 << 16;
            if (searcher.Search(start, batch, CancellationToken.None, out _))
                throw new InvalidOperationException("A hit at difficulty 2^64 − 1 is not expected.");
            return batch;
        };
    };

    private static Func<Work> NaiveLegacy(BlockTemplate template) => () =>
    {
        var bah = ((LegacyChallenge)template.Challenge).BlockAndHotkeyHash.ToArray();
        var preSeal = new byte[Seal.PreSealLength];
        bah.CopyTo(preSeal, 8);
        return NaiveLoop(template, preSeal, nonceAt: 0);
    };

    // The SDK's CPU miner hashes the whole payload per nonce; so does this loop.
    private static Func<Work> NaivePowRegister(BlockTemplate template) => () =>
    {
        var payload = new byte[PowRegisterSeal.PayloadLength];
        ((PowRegisterChallenge)template.Challenge).Prefix.CopyTo(payload);
        return NaiveLoop(template, payload, nonceAt: PowRegisterSeal.PrefixLength);
    };

    private static Work NaiveLoop(BlockTemplate template, byte[] message, int nonceAt)
    {
        var sha = new byte[32];
        var seal = new byte[32];
        var keccak = new KeccakDigest(256);
        return start =>
        {
            const int batch = 1 << 12;
            for (int i = 0; i < batch; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(nonceAt), start + (ulong)i);
                SHA256.HashData(message, sha);
                keccak.BlockUpdate(sha, 0, 32);
                keccak.DoFinal(seal, 0);
                if (template.Challenge.Accepts(seal, template.Difficulty))
                    throw new InvalidOperationException("A hit at difficulty 2^64 − 1 is not expected.");
            }
            return batch;
        };
    }


    /// <summary>Seals per second of wall-clock time, and per second of CPU time the whole process used meanwhile.</summary>
    private readonly record struct Rate(double Wall, double PerCpuSecond)
    {
        public static Rate Max(Rate a, Rate b) => new(Math.Max(a.Wall, b.Wall), Math.Max(a.PerCpuSecond, b.PerCpuSecond));

        public static Rate operator /(Rate a, Rate b) => new(a.Wall / b.Wall, a.PerCpuSecond / b.PerCpuSecond);
    }

    /// <summary>Runs <paramref name="threads"/> workers for a warm-up and then for <paramref name="seconds"/>.</summary>
    private static Rate Measure(int threads, double seconds, Func<Func<Work>> factory)
    {
        var counts = new long[threads * 16]; // one cache line apart per worker
        long phase = 0; // 0 warm-up, 1 measuring, 2 stop
        var ready = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            var work = factory()();
            ulong next = (ulong)w << 48;
            ready.SignalAndWait();
            while (Interlocked.Read(ref phase) == 0) next += work(next);
            ready.SignalAndWait();
            long done = 0;
            while (Interlocked.Read(ref phase) == 1) { ulong n = work(next); next += n; done += (long)n; }
            counts[w * 16] = done;
        })
        { IsBackground = true }).ToArray();
        foreach (var t in workers) t.Start();
        ready.SignalAndWait();
        Thread.Sleep(TimeSpan.FromSeconds(Math.Min(1.0, seconds / 2)));
        var clock = Stopwatch.StartNew();
        Interlocked.Exchange(ref phase, 1);
        ready.SignalAndWait();
        clock.Restart();
        var cpu = Environment.CpuUsage.TotalTime;
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Interlocked.Exchange(ref phase, 2);
        foreach (var t in workers) t.Join();
        double elapsed = clock.Elapsed.TotalSeconds, cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        return new Rate(counts.Sum() / elapsed, counts.Sum() / cpuSeconds);
    }

    internal static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

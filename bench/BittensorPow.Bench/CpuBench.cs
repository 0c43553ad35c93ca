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
/// Seals per second of each CPU back end at 1 thread and at every core, against the naive baseline
/// (SHA256.HashData + BouncyCastle KeccakDigest(256)) measured in the same run. The difficulty is
/// 2^64 − 1 so no range ever hits and every nonce is counted.
/// </summary>
internal static class CpuBench
{
    public static int Run(string[] args)
    {
        double seconds = 3;
        int[]? requested = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length && double.TryParse(args[++i], out var s) && s > 0) seconds = s;
            else if (args[i] == "--threads" && i + 1 < args.Length) requested = args[++i].Split(',').Select(int.Parse).Where(t => t > 0).ToArray();
            else { Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; usage: cpu [--seconds N] [--threads 1,2,16]"); return 2; }
        }

        var template = new BlockTemplate(new LegacyChallenge(1, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
            Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray(), SealByteOrder.LittleEndian), new Difficulty(ulong.MaxValue));
        int cores = Environment.ProcessorCount;
        int[] threadCounts = requested is { Length: > 0 } ? [.. requested.Prepend(1).Distinct().Order()] : cores > 1 ? [1, cores] : [1];

        Console.WriteLine($"CPU: {CpuModel()}; {cores} logical processors; .NET {Environment.Version}; {RuntimeInformation.OSDescription}");
        Console.WriteLine($"ISA: Vector512 accelerated={Vector512.IsHardwareAccelerated}, Vector256 accelerated={Vector256.IsHardwareAccelerated}; available back ends: {string.Join(", ", CpuBackends.Available())}");
        Console.WriteLine($"{seconds:F1} s per measurement after a warm-up; seals/s summed over threads.");
        Console.WriteLine();

        var baseline = new Dictionary<int, double>();
        var rows = new List<(string Name, int Threads, double Rate)>();
        foreach (int t in threadCounts)
        {
            baseline[t] = Measure(t, seconds, () => Naive(template));
            rows.Add(("Naive (SHA256.HashData + BouncyCastle Keccak)", t, baseline[t]));
        }
        foreach (var name in CpuBackends.Known())
        {
            if (!CpuBackends.IsAvailable(name)) { Console.WriteLine($"{name}: not available on this machine, skipped."); continue; }
            foreach (int t in threadCounts)
                rows.Add((name.ToString(), t, Measure(t, seconds, () => Searcher(name, template))));
        }

        Console.WriteLine("| back end | threads | M seals/s | per thread | × naive | scaling from 1 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, threads, rate) in rows)
        {
            double one = rows.First(r => r.Name == name && r.Threads == 1).Rate;
            string scaling = threads == 1 ? "" : $"{rate / one:F2}×";
            Console.WriteLine($"| {name} | {threads} | {rate / 1e6:F3} | {rate / threads / 1e6:F3} | {rate / baseline[threads]:F1}× | {scaling} |");
        }
        return 0;
    }

    /// <summary>A worker: called repeatedly until time is up, returns how many nonces it tried.</summary>
    private delegate ulong Work(ulong start);

    private static Func<Work> Searcher(PowBackend name, BlockTemplate template) => () =>
    {
        var searcher = CpuBackends.Create(name);
        searcher.Prepare(template);
        return start =>
        {
            const ulong batch = 1 << 16;
            if (searcher.Search(start, batch, CancellationToken.None, out _)) throw new InvalidOperationException("A hit at difficulty 2^64 − 1 is not expected.");
            return batch;
        };
    };

    private static Func<Work> Naive(BlockTemplate template) => () =>
    {
        var bah = ((LegacyChallenge)template.Challenge).BlockAndHotkeyHash.ToArray();
        var preSeal = new byte[Seal.PreSealLength];
        var sha = new byte[32];
        var seal = new byte[32];
        var keccak = new KeccakDigest(256);
        bah.CopyTo(preSeal, 8);
        return start =>
        {
            const int batch = 1 << 12;
            for (int i = 0; i < batch; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(preSeal, start + (ulong)i);
                SHA256.HashData(preSeal, sha);
                keccak.BlockUpdate(sha, 0, 32);
                keccak.DoFinal(seal, 0);
                if (template.Challenge.Accepts(seal, template.Difficulty)) throw new InvalidOperationException("A hit at difficulty 2^64 − 1 is not expected.");
            }
            return batch;
        };
    };

    /// <summary>Runs <paramref name="threads"/> workers for a warm-up and then for <paramref name="seconds"/>; returns seals/s.</summary>
    private static double Measure(int threads, double seconds, Func<Func<Work>> factory)
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
        }) { IsBackground = true }).ToArray();
        foreach (var t in workers) t.Start();
        ready.SignalAndWait();
        Thread.Sleep(TimeSpan.FromSeconds(Math.Min(1.0, seconds / 2)));
        var clock = Stopwatch.StartNew();
        Interlocked.Exchange(ref phase, 1);
        ready.SignalAndWait();
        clock.Restart();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Interlocked.Exchange(ref phase, 2);
        foreach (var t in workers) t.Join();
        double elapsed = clock.Elapsed.TotalSeconds;
        return counts.Sum() / elapsed;
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

using System.Diagnostics;
using System.Globalization;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Bench;

/// <summary>
/// <c>soak [--minutes 10] [--block-ms 250] [--drop-every-ms 180000] [--threads 1] [--sample-seconds 60] [--devnode DLL]</c>:
/// a solve that never finishes, following a DevNode (its own process) that makes a block every --block-ms and drops
/// every connection every --drop-every-ms. Every sample: working set, managed heap, seals/s, templates switched,
/// reconnects, threads and the descriptors open across 200 ms (by kind); then the same for 1,000 Test-PowSolution checks over one
/// connection. Ends with the goals (working set within 10 % of the first sample, threads and handles flat, seals/s
/// within 5 % of the first sample after each reconnect) and exits 1 when one is missed.
/// </summary>
public static class SoakBench
{
    private sealed record Sample(double Minute, long WorkingSet, long Heap, double SealsPerSecond, int Templates,
        int Reconnects, int Threads, int Handles, string HandleKinds);

    public static int Run(string[] args)
    {
        double minutes = 10, sampleSeconds = 60;
        int blockMs = 250, dropEveryMs = 180_000, threads = 1;
        string? devnode = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--minutes": minutes = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sample-seconds": sampleSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--block-ms": blockMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--drop-every-ms": dropEveryMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--devnode": devnode = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        devnode ??= FindDevNode();
        if (devnode is null) { Console.Error.WriteLine("error: build src/BittensorPow.DevNode first, or pass --devnode PATH"); return 2; }

        using var node = StartNode(devnode, blockMs, dropEveryMs, out string endpoint);
        Console.WriteLine($"soak: {minutes} min, heads every {blockMs} ms, connections dropped every {dropEveryMs / 1000.0:0.#} s, "
            + $"{threads} CPU thread(s), node {endpoint}");
        var output = new CountingOutput();
        using var cancel = new CancellationTokenSource();
        using var chain = ChainSession.Connect(new NodeChoice(endpoint, null), output, cancel.Token);
        int reconnects = 0;
        chain.Client.Rpc.ConnectionChanged += e => { if (e.Kind == ConnectionEventKind.Connected) Interlocked.Increment(ref reconnects); };

        var nonces = new NonceCounter();
        var request = new SolveRequest(PowBackend.Cpu, ThreadCount: threads,
            Options: new SolverOptions { Timeout = TimeSpan.FromMinutes(minutes) })
        {
            Searchers = () => SearcherFactory.Create(PowBackend.Cpu, threads, null, 0, output)
                .Select(s => (ISealSearcher)new CountingSearcher(s, nonces)).ToArray(),
        };
        var hotkey = Sr25519KeyPair.FromUri("//Alice").PublicKey;
        var solve = Task.Run(() =>
        {
            try
            {
                OnlineSolve.Run(chain, new OnlineSolveRequest(1, hotkey, request), output, cancel.Token);
                return "solved (unexpected at this difficulty)";
            }
            catch (PowException e) when (e.Error.Id == ErrorIds.PowSolveTimeout) { return "ran to its timeout"; }
        });

        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        long lastNonces = 0;
        double lastSeconds = 0;
        Console.WriteLine("minute  working set  managed heap  seals/s      templates  reconnects  threads  fds (open across 200 ms, by kind)");
        while (!solve.Wait(TimeSpan.FromSeconds(sampleSeconds)))
        {
            double now = clock.Elapsed.TotalSeconds;
            long n = Interlocked.Read(ref nonces.Value);
            var s = Take(now / 60, (n - lastNonces) / (now - lastSeconds), output.TakeTemplates(), Volatile.Read(ref reconnects));
            (lastNonces, lastSeconds) = (n, now);
            samples.Add(s);
            Console.WriteLine($"{s.Minute,6:F1}  {s.WorkingSet / 1e6,8:F1} MB  {s.Heap / 1e6,9:F1} MB  {s.SealsPerSecond / 1e6,8:F3} M  "
                + $"{s.Templates,9}  {s.Reconnects,10}  {s.Threads,7}  {s.Handles,3}  {s.HandleKinds}");
        }
        Console.WriteLine($"solve: {solve.Result}");

        Console.WriteLine(Pipeline(endpoint));
        return Judge(samples);
    }

    /// <summary>What 1,000 Test-PowSolution checks against one node cost: one session, the workflow the cmdlet calls.</summary>
    private static string Pipeline(string endpoint)
    {
        GC.Collect();
        var (ws0, heap0) = Memory();
        var output = new CountingOutput();
        using var chain = ChainSession.Connect(new NodeChoice(endpoint, null), output, CancellationToken.None);
        var head = chain.Head(CancellationToken.None);
        var hotkey = Sr25519KeyPair.FromUri("//Alice").PublicKey;
        var clock = Stopwatch.StartNew();
        int valid = 0;
        for (ulong n = 1; n <= 1000; n++)
            if (SolutionCheck.Check(new BlockTemplate(
                    new LegacyChallenge(head.Number, head.Hash.AsSpan(), hotkey, SealByteOrder.LittleEndian), new Difficulty(1)),
                    n, null, chain, CancellationToken.None).IsValid) valid++;
        var (ws1, heap1) = Memory();
        return $"pipeline: 1,000 Test-PowSolution checks over one connection in {clock.Elapsed.TotalSeconds:F2} s "
            + $"({valid} valid; stale ones are heads moving on): working set {ws0 / 1e6:F1} -> {ws1 / 1e6:F1} MB, "
            + $"managed heap {heap0 / 1e6:F1} -> {heap1 / 1e6:F1} MB";
    }

    private static int Judge(List<Sample> samples)
    {
        if (samples.Count < 2) { Console.WriteLine("goals: too few samples to judge"); return 1; }
        var first = samples[0];
        double wsWorst = samples.Skip(1).Max(s => Math.Abs(s.WorkingSet - first.WorkingSet) / (double)first.WorkingSet);
        int threadsMin = samples.Min(s => s.Threads), threadsMax = samples.Max(s => s.Threads);
        int fdMin = samples.Min(s => s.Handles), fdMax = samples.Max(s => s.Handles);
        // The sample after each reconnect: seals/s against the first sample's.
        var afterReconnect = samples.Zip(samples.Skip(1)).Where(p => p.Second.Reconnects > p.First.Reconnects).Select(p => p.Second).ToList();
        var next = samples.Zip(samples.Skip(1)).Where(p => p.Second.Reconnects > p.First.Reconnects)
            .Select(p => samples.IndexOf(p.Second) + 1 < samples.Count ? samples[samples.IndexOf(p.Second) + 1] : p.Second).ToList();
        double rateWorst = next.Count == 0 ? 0 : next.Max(s => Math.Abs(s.SealsPerSecond - first.SealsPerSecond) / first.SealsPerSecond);
        bool wsOk = wsWorst <= 0.10, threadsOk = threadsMax - threadsMin <= 2, fdOk = fdMax - fdMin <= 2, rateOk = rateWorst <= 0.05;
        Console.WriteLine($"goals: working set within {wsWorst:P1} of the first sample (goal 10 %): {(wsOk ? "met" : "MISSED")}");
        Console.WriteLine($"goals: threads {threadsMin}-{threadsMax}, fds {fdMin}-{fdMax} (goal flat, +-2): "
            + $"{(threadsOk && fdOk ? "met" : "MISSED")}");
        Console.WriteLine($"goals: {afterReconnect.Count} sample(s) with a reconnect; seals/s in the sample after each within "
            + $"{rateWorst:P1} of the first (goal 5 %): {(rateOk ? "met" : "MISSED")}");
        return wsOk && threadsOk && fdOk && rateOk ? 0 : 1;
    }

    private static Sample Take(double minute, double rate, int templates, int reconnects)
    {
        var (ws, heap) = Memory();
        using var self = Process.GetCurrentProcess();
        var stable = StableDescriptors();
        return new Sample(minute, ws, heap, rate, templates, reconnects, self.Threads.Count, stable?.Count ?? self.HandleCount,
            stable is null ? "" : Kinds(stable.Values));
    }

    /// <summary>
    /// The descriptors open in two listings 200 ms apart, pointing at the same thing both times: a leak stays, while a
    /// pipe or socket a worker opens and closes within the moment (and the listing's own) is not counted. Null off Linux.
    /// </summary>
    private static Dictionary<string, string>? StableDescriptors()
    {
        if (!Directory.Exists("/proc/self/fd")) return null;
        static Dictionary<string, string> List()
        {
            var open = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fd in Directory.GetFileSystemEntries("/proc/self/fd"))
            {
                try { if (new FileInfo(fd).LinkTarget is { } target) open[Path.GetFileName(fd)] = target; }
                catch (IOException) { } // closed between listing and reading
            }
            return open;
        }
        var first = List();
        Thread.Sleep(200);
        return List().Where(e => first.TryGetValue(e.Key, out var t) && t == e.Value).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>What the descriptors point at, by kind (socket, pipe, eventpoll, lib for a loaded .dll/.so, file, dev).</summary>
    private static string Kinds(IEnumerable<string> targets) => string.Join(" ", targets
        .GroupBy(t => t switch
        {
            _ when t.StartsWith("socket:", StringComparison.Ordinal) => "socket",
            _ when t.StartsWith("pipe:", StringComparison.Ordinal) => "pipe",
            _ when t.StartsWith("anon_inode:", StringComparison.Ordinal) => t["anon_inode:".Length..].Trim('[', ']'),
            _ when t.StartsWith("/dev/", StringComparison.Ordinal) => "dev",
            _ when t.EndsWith(".dll", StringComparison.Ordinal) || t.Contains(".so", StringComparison.Ordinal) => "lib",
            _ => "file",
        })
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key} {g.Count()}"));

    private static (long WorkingSet, long Heap) Memory()
    {
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetTotalMemory(false));
    }

    private static Process StartNode(string dll, int blockMs, int dropEveryMs, out string endpoint)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--port", "0", "--exit-on-stdin-close", "--block-ms", blockMs.ToString(CultureInfo.InvariantCulture),
                     "--drop-every-ms", dropEveryMs.ToString(CultureInfo.InvariantCulture), "--subnet", "1:18000000000000000000" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        string? line = process.StandardOutput.ReadLine();
        var match = line is null ? null : System.Text.RegularExpressions.Regex.Match(line, @"listening on (ws://\S+)");
        if (match is not { Success: true })
        {
            process.Kill(true);
            throw new InvalidOperationException($"the DevNode did not start: {line} {process.StandardError.ReadToEnd()}");
        }
        endpoint = match.Groups[1].Value;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static string? FindDevNode()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "BittensorPow.DevNode", "bin");
            if (Directory.Exists(bin))
                return Directory.GetFiles(bin, "BittensorPow.DevNode.dll", SearchOption.AllDirectories)
                    .OrderBy(File.GetLastWriteTimeUtc).LastOrDefault();
        }
        return null;
    }

    private sealed class NonceCounter { public long Value; }

    /// <summary>Counts the nonces a back end tries, so seals/s is measured from outside the solver.</summary>
    private sealed class CountingSearcher(ISealSearcher inner, NonceCounter counter) : ISealSearcher
    {
        public string Name => inner.Name;
        public ulong PreferredBatch => inner.PreferredBatch;
        public void Prepare(BlockTemplate template) => inner.Prepare(template);

        public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong nonce)
        {
            bool found = inner.Search(start, count, cancellation, out nonce);
            Interlocked.Add(ref counter.Value, (long)count);
            return found;
        }

        public void Dispose() => inner.Dispose();
    }

    /// <summary>Counts templates switched (one verbose line per new head); the rest is dropped.</summary>
    private sealed class CountingOutput : IWorkflowOutput
    {
        private int _templates;
        public int TakeTemplates() => Interlocked.Exchange(ref _templates, 0);
        public void Verbose(string message) { if (message.StartsWith("New head #", StringComparison.Ordinal)) Interlocked.Increment(ref _templates); }
        public void Warning(string message) => Console.WriteLine($"warning: {message}");
        public void Progress(WorkflowProgress progress) { }
        public bool ShouldProcess(string target, string action) => true;
    }
}

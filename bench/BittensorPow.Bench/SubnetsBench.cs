using System.Diagnostics;
using BittensorPow.DevNode;
using BittensorPow.Registration;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Bench;

/// <summary>
/// Get-SubtensorSubnet's listing of N subnets against the DevNode (in this process, on this machine): the whole call
/// (connect, runtime, head, keys, one batched read; -HashRate given, so no measurement) and the reads alone on an open
/// session, beside the same states read one subnet at a time in the same run (the ratio is the point, not the figure).
/// </summary>
internal static class SubnetsBench
{
    public static int Run(string[] args)
    {
        int subnets = 64, rounds = 30;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--subnets" && i + 1 < args.Length && int.TryParse(args[++i], out var s) && s is > 0 and < 65535) subnets = s;
            else if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[++i], out var r) && r > 0) rounds = r;
            else { Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; usage: subnets [--subnets N] [--rounds N]"); return 2; }
        }
        Console.WriteLine($"CPU: {CpuBench.CpuModel()}; {Environment.ProcessorCount} logical processors; .NET {Environment.Version}");
        Console.WriteLine($"load average at start: {BenchFolders.LoadAverage()}");
        // Not disposed: the node lives as long as this run, and the process ends with it.
        var node = new DevNodeServer();
        node.StartAsync(new DevNodeOptions
        {
            BlockMs = 0, SharedFolder = BenchFolders.Shared(),
            Subnets = [.. Enumerable.Range(1, subnets)
                .Select(u => new SubnetSpec((ushort)u, 10_000UL * (ulong)u, PowRegistrationAllowed: u % 2 == 0))],
        }).GetAwaiter().GetResult();
        var output = new Quiet();
        var request = new SubnetListingRequest(new NodeChoice(node.Endpoint.ToString(), null), TimeSpan.FromSeconds(30)) { HashRate = 1e6 };

        var whole = new List<double>();
        for (int i = 0; i <= rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            int n = SubnetListing.Run(request, output, CancellationToken.None).Subnets.Count;
            if (i > 0) whole.Add(clock.Elapsed.TotalMilliseconds); // the first warms the JIT
            if (n != subnets + 1) throw new InvalidOperationException($"listed {n} subnets, expected {subnets + 1}");
        }

        var rpc = WebSocketRpcClient.ConnectAsync(node.Endpoint).GetAwaiter().GetResult();
        var client = SubtensorClient.ConnectAsync(rpc).GetAwaiter().GetResult();
        using var chain = new ChainSession(client, node.Endpoint.ToString(), rpc);
        var batched = new List<double>();
        var oneByOne = new List<double>();
        for (int i = 0; i <= rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var deadline = new CallDeadline(TimeSpan.FromSeconds(30), CancellationToken.None))
                SubnetListing.Read(chain, request, deadline);
            if (i > 0) batched.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var head = client.GetHeadAsync().GetAwaiter().GetResult();
            foreach (var u in client.Subtensor.NetUidsAsync(head.Hash).GetAwaiter().GetResult())
                client.Subtensor.PowRegistrationStateAsync(new PowRegistrationQuery(u), head.Hash).GetAwaiter().GetResult();
            if (i > 0) oneByOne.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"load average at end: {BenchFolders.LoadAverage()}");
        Console.WriteLine($"{subnets} subnets + root, {rounds} rounds (after one warm-up), DevNode in this process:");
        Report("whole call (connect, runtime, 3 reads)", whole);
        Report("reads on an open session (batched)", batched);
        Report("same states, one request per subnet", oneByOne);
        Console.WriteLine($"one-by-one ÷ batched (medians): {Percentiles.Of(oneByOne, 50) / Percentiles.Of(batched, 50):F1}×");
        return 0;
    }

    private static void Report(string what, List<double> ms) =>
        Console.WriteLine($"  {what,-40} median {Percentiles.Of(ms, 50),7:F1} ms, p90 {Percentiles.Of(ms, 90),7:F1} ms");

    private sealed class Quiet : IWorkflowOutput
    {
        public void Verbose(string message) { }
        public void Warning(string message) => Console.WriteLine($"WARNING: {message}");
        public void Progress(WorkflowProgress progress) { }
        public bool ShouldProcess(string target, string action) => false;
    }
}

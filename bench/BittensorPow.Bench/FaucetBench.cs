using System.Diagnostics;
using System.Security;
using BittensorPow.DevNode;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Bench;

/// <summary>
/// N faucet drips through FaucetWorkflow against the localnet DevNode (250 ms blocks, in this process, on this machine):
/// one coldkey decryption, then per drip the time to funded, whether the first try did it, and the time from the
/// announcement of the head the work was solved on to handing the extrinsic to the node.
/// </summary>
internal static class FaucetBench
{
    private const string SharedWalletPassword = "thisisafakepassword";

    public static int Run(string[] args)
    {
        int drips = 100;
        int? threads = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--drips" && i + 1 < args.Length && int.TryParse(args[++i], out var d) && d > 0) drips = d;
            else if (args[i] == "--threads" && i + 1 < args.Length && int.TryParse(args[++i], out var t) && t > 0) threads = t;
            else { Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; usage: faucet [--drips N] [--threads N]"); return 2; }
        }
        string shared = BenchFolders.Shared();
        string walletRoot = Path.Combine(shared, "wallet");
        Console.WriteLine($"CPU: {CpuBench.CpuModel()}; {Environment.ProcessorCount} logical processors; .NET {Environment.Version}");
        Console.WriteLine($"load average at start: {BenchFolders.LoadAverage()}");

        // Not disposed: the node lives as long as this run, and the process ends with it.
        var node = new DevNodeServer();
        node.StartAsync(DevNodeProfiles.Localnet with { SharedFolder = shared }).GetAwaiter().GetResult();
        var rpc = WebSocketRpcClient.ConnectAsync(node.Endpoint).GetAwaiter().GetResult();
        var client = SubtensorClient.ConnectAsync(rpc).GetAwaiter().GetResult();
        using var chain = new ChainSession(client, node.Endpoint.ToString(), rpc);
        Console.WriteLine($"DevNode --profile localnet at {node.Endpoint}: spec {client.RuntimeProfile.SpecVersion}, "
            + $"250 ms blocks; {drips} drips, CPU back end, {threads?.ToString() ?? "all"} threads.");

        var coldkeyPublic = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(walletRoot, "default"));
        TimeSpan unlock = default;
        var request = new FaucetRequest(coldkeyPublic, () =>
        {
            var clock = Stopwatch.StartNew();
            using var password = new SecureString();
            foreach (char c in Environment.GetEnvironmentVariable("BITTENSORPOW_BENCH_PASSWORD") ?? SharedWalletPassword) password.AppendChar(c);
            var key = SecretKeyfile.ReadColdkey(walletRoot, "default", password);
            unlock = clock.Elapsed;
            return key;
        }, new SolveRequest(PowBackend.Cpu, threads))
        { Count = drips };

        var output = new QuietOutput();
        var total = Stopwatch.StartNew();
        var perDrip = new List<double>();
        var headToSubmitted = new List<double>();
        var solvedToSubmitted = new List<double>();
        int funded = 0, firstTry = 0;
        TimeSpan last = default;
        foreach (var outcome in FaucetWorkflow.Run(chain, request, output, CancellationToken.None))
        {
            var now = total.Elapsed;
            // The first drip's time starts after the unlock, which is reported on its own.
            perDrip.Add((now - last - (perDrip.Count == 0 ? unlock : TimeSpan.Zero)).TotalMilliseconds);
            last = now;
            headToSubmitted.Add(outcome.HeadToSubmitted.TotalMilliseconds);
            solvedToSubmitted.Add(outcome.SolvedToSubmitted.TotalMilliseconds);
            if (outcome.Status == OutcomeStatus.Funded) { funded++; if (outcome.Attempts == 1) firstTry++; }
            else Console.WriteLine($"drip {perDrip.Count}: {outcome.Status} after {outcome.Attempts} attempt(s): {outcome.Error?.Message}");
        }
        total.Stop();

        Console.WriteLine($"load average at end: {BenchFolders.LoadAverage()}");
        Console.WriteLine($"unlock (argon2i, libsodium): {unlock.TotalSeconds:F2} s, once");
        Console.WriteLine($"total: {total.Elapsed.TotalSeconds:F1} s = unlock + {drips} × "
            + $"{(total.Elapsed - unlock).TotalMilliseconds / drips:F0} ms mean per drip");
        Console.WriteLine($"funded: {funded}/{drips}; funded on the first try: {firstTry}/{drips} ({100.0 * firstTry / drips:F1} %); "
            + $"re-solves: {output.Resolves}");
        Console.WriteLine($"per drip (solve + sign + submit + inclusion + balance read): p50 {Percentiles.Of(perDrip, 50):F0} ms, "
            + $"p99 {Percentiles.Of(perDrip, 99):F0} ms, max {perDrip.Max():F0} ms");
        Console.WriteLine($"head announced -> extrinsic submitted: p50 {Percentiles.Of(headToSubmitted, 50):F1} ms, "
            + $"p99 {Percentiles.Of(headToSubmitted, 99):F1} ms, max {headToSubmitted.Max():F1} ms");
        Console.WriteLine($"  of which solution found -> submitted (sign, staleness check): "
            + $"p50 {Percentiles.Of(solvedToSubmitted, 50):F1} ms, p99 {Percentiles.Of(solvedToSubmitted, 99):F1} ms, "
            + $"max {solvedToSubmitted.Max():F1} ms");
        return funded == drips ? 0 : 1;
    }



    private sealed class QuietOutput : IWorkflowOutput
    {
        public int Resolves;
        public void Verbose(string message) { if (message.Contains("solving again", StringComparison.Ordinal)) Interlocked.Increment(ref Resolves); }
        public void Warning(string message) => Console.WriteLine($"WARNING: {message}");
        public void Progress(WorkflowProgress progress) { }
        public bool ShouldProcess(string target, string action) => true;
    }
}

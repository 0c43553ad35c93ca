using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using BittensorPow.DevNode;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Wallets;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Bench;

/// <summary>
/// N hotkeys registered by pow_register, one after another, as `Import-Csv hotkeys.csv | Register-SubtensorNeuron
/// -NetUid 1` runs them (RegisterNeuron with the pipeline's kept connection and coldkey), against the finney DevNode
/// with 250 ms blocks in this process: how fast a new head becomes the workers' template, how fast a proof becomes a
/// submitted extrinsic, and that one connection and one coldkey decryption served them all.
/// </summary>
internal static partial class PowRegisterBench
{
    private const string SharedWalletPassword = "thisisafakepassword";

    public static int Run(string[] args)
    {
        int count = 100;
        ulong difficulty = 2_000_000;
        int? threads = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--registrations" && i + 1 < args.Length && int.TryParse(args[++i], out var n) && n > 0) count = n;
            else if (args[i] == "--difficulty" && i + 1 < args.Length && ulong.TryParse(args[++i], out var d) && d > 0) difficulty = d;
            else if (args[i] == "--threads" && i + 1 < args.Length && int.TryParse(args[++i], out var t) && t > 0) threads = t;
            else
            {
                Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; usage: powreg [--registrations N] [--difficulty D] [--threads N]");
                return 2;
            }
        }
        string shared = BenchFolders.Shared();
        string walletRoot = Path.Combine(shared, "wallet");
        Console.WriteLine($"CPU: {CpuBench.CpuModel()}; {Environment.ProcessorCount} logical processors; .NET {Environment.Version}");
        Console.WriteLine($"load average at start: {BenchFolders.LoadAverage()}");

        // The difficulty held at D (min = max = D): each registration would otherwise raise it by 1.26.
        var options = DevNodeProfiles.Finney with
        {
            SharedFolder = shared,
            BlockMs = 250,
            Subnets = [new SubnetSpec(1, difficulty) { MinDifficulty = difficulty, MaxDifficulty = difficulty }],
        };
        // Not disposed: the node lives as long as this run, and the process ends with it.
        var node = new DevNodeServer();
        node.StartAsync(options).GetAwaiter().GetResult();
        Console.WriteLine($"DevNode --profile finney at {node.Endpoint}: 250 ms blocks, subnet 1 PoW on at difficulty {difficulty:N0}; " +
            $"{count} hotkeys, CPU back end, {threads?.ToString(CultureInfo.InvariantCulture) ?? "all"} threads.");

        using var sessions = new ChainSessions();
        using var coldkey = new UnlockedColdkey(() =>
        {
            using var password = new SecureString();
            foreach (char c in Environment.GetEnvironmentVariable("BITTENSORPOW_BENCH_PASSWORD") ?? SharedWalletPassword) password.AppendChar(c);
            return SecretKeyfile.ReadColdkey(walletRoot, "default", password);
        });
        var output = new TimingOutput();
        var solvedToSubmitted = new List<double>();
        int registered = 0, firstTry = 0;
        var total = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            using var pair = Sr25519KeyPair.FromMiniSecret(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var wallet = new WalletAccess(walletRoot, "default", "default") { Hotkey = pair.PublicKey, UnlockColdkey = coldkey.Get };
            var request = new RegisterNeuronRequest(1, wallet, new SolveRequest(PowBackend.Cpu, threads))
            {
                Sessions = sessions, Node = new NodeChoice(node.Endpoint.ToString(), null), Submission = new() { Timeout = TimeSpan.FromSeconds(60) },
            };
            foreach (var outcome in RegisterNeuron.Run(request, output, CancellationToken.None))
            {
                if (outcome.Status == OutcomeStatus.Registered)
                {
                    registered++;
                    if (outcome.Attempts == 1) firstTry++;
                    solvedToSubmitted.Add(outcome.SolvedToSubmitted.TotalMilliseconds);
                }
                else Console.WriteLine($"hotkey {i + 1}: {outcome.Status} after {outcome.Attempts} attempt(s): {outcome.Error?.Message}");
            }
        }
        total.Stop();

        Console.WriteLine($"load average at end: {BenchFolders.LoadAverage()}");
        Console.WriteLine($"registered: {registered}/{count} ({firstTry} on the first attempt) in {total.Elapsed.TotalSeconds:F1} s; " +
            $"connections opened: {sessions.Opened}; coldkey decryptions: {coldkey.Unlocks}; proofs that waited for a block: {output.Waits}");
        Console.WriteLine($"head notification -> new template ({output.HeadToTemplate.Count} heads): {Summary(output.HeadToTemplate)}");
        Console.WriteLine($"solution -> pow_register submitted ({solvedToSubmitted.Count}): {Summary(solvedToSubmitted)}");
        return registered == count && sessions.Opened == 1 && coldkey.Unlocks == 1 ? 0 : 1;
    }

    private static string Summary(List<double> ms) => ms.Count == 0 ? "no samples"
        : $"p50 {Percentiles.Of(ms, 50):F1} ms, p99 {Percentiles.Of(ms, 99):F1} ms, max {ms.Max():F1} ms";


    [GeneratedRegex(@"template ready ([\d.]+) ms after the notification")]
    private static partial Regex TemplateReady();

    private sealed class TimingOutput : IWorkflowOutput
    {
        public readonly List<double> HeadToTemplate = [];
        public int Waits;

        public void Verbose(string message)
        {
            if (TemplateReady().Match(message) is { Success: true } m)
                HeadToTemplate.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            if (message.Contains("waits for the next block", StringComparison.Ordinal)) Waits++;
        }

        public void Warning(string message) => Console.WriteLine($"WARNING: {message}");
        public void Progress(WorkflowProgress progress) { }
        public bool ShouldProcess(string target, string action) => true;
    }
}

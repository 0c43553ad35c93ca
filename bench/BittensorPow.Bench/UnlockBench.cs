using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Bench;

/// <summary>
/// Unlocks a $NACL coldkey with BouncyCastle's argon2i and with libsodium's (the module's path), alternating so
/// that both sides see the same background load, and prints every time, the medians and their ratio.
/// </summary>
internal static class UnlockBench
{
    // The synthetic shared test wallet's published password; never a real one.
    private const string SharedWalletPassword = "thisisafakepassword";

    public static int Run(string[] args)
    {
        int rounds = 3;
        string? coldkey = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[++i], out var r) && r > 0) rounds = r;
            else if (args[i] == "--coldkey" && i + 1 < args.Length) coldkey = args[++i];
            else { Console.Error.WriteLine($"unknown or bad argument '{args[i]}'; usage: unlock [--rounds N] [--coldkey PATH]"); return 2; }
        }
        coldkey ??= SharedColdkey();
        var file = File.ReadAllBytes(coldkey);
        var password = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("BITTENSORPOW_BENCH_PASSWORD") ?? SharedWalletPassword);

        Console.WriteLine($"CPU: {CpuBench.CpuModel()}; {Environment.ProcessorCount} logical processors; "
            + $".NET {Environment.Version}; {RuntimeInformation.OSDescription}");
        Console.WriteLine($"Unlocking {coldkey}: argon2i t={NaclKeyfile.Argon2Iterations} m={NaclKeyfile.Argon2MemoryKiB / 1024} MiB "
            + $"p=1, then secretbox; {rounds} rounds, sides alternating.");
        Console.WriteLine($"load average at start: {BenchFolders.LoadAverage()}");

        // Wall time is what a user waits; CPU time (the process's, argon2i runs on this thread with p = 1) is what the
        // other engineers' load on the shared vCPUs cannot inflate.
        var wall = new Dictionary<string, List<double>> { ["BouncyCastle"] = [], ["libsodium"] = [] };
        var cpu = new Dictionary<string, List<double>> { ["BouncyCastle"] = [], ["libsodium"] = [] };
        byte[]? expectedPublic = null;
        for (int round = 0; round < rounds; round++)
        {
            // Swap which side goes first each round, so neither always follows the other's 512 MiB being freed.
            string[] order = round % 2 == 0 ? ["BouncyCastle", "libsodium"] : ["libsodium", "BouncyCastle"];
            foreach (var side in order)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                byte[] publicKey = side == "libsodium"
                    ? UnlockWithLibsodium(file, password, coldkey) : UnlockWithBouncyCastle(file, password, coldkey);
                double seconds = clock.Elapsed.TotalSeconds;
                process.Refresh();
                double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                wall[side].Add(seconds);
                cpu[side].Add(cpuSeconds);
                Console.WriteLine($"round {round + 1} {side,-12} wall {seconds,6:F2} s  cpu {cpuSeconds,6:F2} s  "
                    + $"(public key 0x{Convert.ToHexStringLower(publicKey)[..16]}…)");
                expectedPublic ??= publicKey;
                if (!publicKey.AsSpan().SequenceEqual(expectedPublic))
                {
                    Console.Error.WriteLine($"{side} unlocked a different key: the two argon2i implementations disagree.");
                    return 1;
                }
            }
        }

        Console.WriteLine($"load average at end: {BenchFolders.LoadAverage()}");
        foreach (var (what, table) in new[] { ("wall", wall), ("cpu", cpu) })
        {
            double bc = Median(table["BouncyCastle"]), sodium = Median(table["libsodium"]);
            Console.WriteLine($"median {what}: BouncyCastle {bc:F2} s, libsodium {sodium:F2} s; BouncyCastle / libsodium = {bc / sodium:F2}×");
        }
        return 0;
    }

    /// <summary>The module's own path: NaclKeyfile.Decrypt runs libsodium's crypto_pwhash and secretbox.</summary>
    private static byte[] UnlockWithLibsodium(byte[] file, byte[] password, string path)
    {
        var plaintext = NaclKeyfile.Decrypt(file, password, path);
        try { using var pair = SecretKeyfile.Parse(plaintext, path); return pair.PublicKey.ToArray(); }
        finally { Array.Clear(plaintext); }
    }

    /// <summary>The same unlock with the managed argon2i; only the key derivation differs.</summary>
    private static byte[] UnlockWithBouncyCastle(byte[] file, byte[] password, string path)
    {
        var key = Argon2iBouncyCastle.DeriveKey(password);
        var plaintext = NaclKeyfile.OpenSecretBox(key, file.AsSpan(5, 24), file.AsSpan(29), path);
        Array.Clear(key);
        try { using var pair = SecretKeyfile.Parse(plaintext, path); return pair.PublicKey.ToArray(); }
        finally { Array.Clear(plaintext); }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }


    /// <summary>../shared/wallet/default/coldkey beside the repository (the folder holding BittensorPow.sln).</summary>
    private static string SharedColdkey()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BittensorPow.sln")))
                return Path.Combine(dir.FullName, "..", "shared", "wallet", "default", "coldkey");
        throw new FileNotFoundException("BittensorPow.sln was not found above the bench; pass --coldkey PATH.");
    }
}

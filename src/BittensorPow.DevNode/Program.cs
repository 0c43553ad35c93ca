using System.Runtime.InteropServices;

namespace BittensorPow.DevNode;

/// <summary>
/// <c>dotnet run --project src/BittensorPow.DevNode -- --port 0 [options]</c>: prints
/// "DevNode listening on ws://127.0.0.1:PORT" once it accepts connections, runs until Ctrl+C or SIGTERM (or,
/// with --exit-on-stdin-close, until standard input closes).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(DevNodeOptions.Usage); return 0; }
        DevNodeOptions options;
        try { options = DevNodeOptions.Parse(args); }
        catch (FormatException e) { Console.Error.WriteLine(e.Message); return 2; }

        await using var server = new DevNodeServer();
        try { await server.StartAsync(options); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"DevNode could not start: {e.Message}");
            return 1;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        if (options.ExitOnStdinClose)
            _ = Task.Run(() => { while (Console.In.ReadLine() is not null) { } stop.TrySetResult(); });

        Console.WriteLine($"DevNode listening on ws://127.0.0.1:{server.Port}");
        Console.WriteLine($"  {(options.Profile is { } p ? $"profile {p}, " : "")}runtime {server.Runtime.FileName}" +
            $"{(server.Runtime.PowRegisterAdded ? " + pow_register" : "")}{(server.Runtime.RegisterLimitAdded ? " + register_limit" : "")}" +
            $"{(server.Runtime.PowFaucet ? "" : ", no pow-faucet")} " +
            $"(metadata V{server.Runtime.MetadataVersion}, spec {server.Runtime.SpecVersion}), " +
            $"genesis {server.Chain.Genesis.HashHex}, block every {(options.BlockMs == 0 ? "dev_produceBlock" : options.BlockMs + " ms")}");
        Console.Out.Flush();
        await stop.Task;
        Console.WriteLine("DevNode stopping");
        return 0;
    }
}

using System.Diagnostics;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.DevNode;

/// <summary>The DevNode as a program: announces its port, answers, and stops when its stdin closes.</summary>
public class DevNodeProcessTests
{
    [Fact]
    public async Task PrintsItsPortServesAndExitsWhenStdinCloses()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "BittensorPow.DevNode.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--port", "0", "--block-ms", "100", "--exit-on-stdin-close", "--shared", SharedFiles.Shared])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line;
            do line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            while (line is not null && !line.StartsWith("DevNode listening on "));
            Assert.NotNull(line);
            Assert.Matches(@"^DevNode listening on ws://127\.0\.0\.1:\d+$", line);

            await using (var client = await global::BittensorPow.Subtensor.Rpc.WebSocketRpcClient.ConnectAsync(
                new Uri(line["DevNode listening on ".Length..]), DevNodeHarness.FastOptions))
            {
                var header = await client.CallAsync("chain_getHeader", []);
                Assert.StartsWith("0x", header.GetProperty("parentHash").GetString());
            }

            process.StandardInput.Close();
            Assert.True(process.WaitForExit(10_000), "the DevNode did not exit after stdin closed");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void BadOptionsExitWithCode2()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "BittensorPow.DevNode.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--subnet", "nonsense"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true
        })!;
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(2, process.ExitCode);
    }
}

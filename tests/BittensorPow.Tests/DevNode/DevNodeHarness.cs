using BittensorPow.DevNode;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.DevNode;

/// <summary>Starts an in-process DevNode on a free port (one per test, so tests never share chain state).</summary>
public static class DevNodeHarness
{
    public static async Task<DevNodeServer> StartAsync(DevNodeOptions? options = null)
    {
        var server = new DevNodeServer();
        await server.StartAsync((options ?? new DevNodeOptions { BlockMs = 0 }) with { SharedFolder = SharedFiles.Shared });
        return server;
    }

    /// <summary>Short limits so a failing test fails in seconds, not after the 30 s production default.</summary>
    public static RpcClientOptions FastOptions => new()
    {
        CallTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectAttempts = 2,
        MaxReconnectAttempts = 5,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
    };

    public static Task<WebSocketRpcClient> ConnectAsync(DevNodeServer server, RpcClientOptions? options = null)
        => WebSocketRpcClient.ConnectAsync(server.Endpoint, options ?? FastOptions);

    /// <summary>Waits for a condition, bounded; returns whether it came true.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (condition()) return true;
            await Task.Delay(20);
        }
        return condition();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using BittensorPow.DevNode;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Subtensor.Rpc;

/// <summary>
/// With a reconnect limit the client keeps trying (capped backoff) for that long, whatever the attempt count: a node that
/// comes back on the same port within it is reconnected — and a call made meanwhile waits for it rather than timing
/// out — and one that does not is given up once the limit has passed.
/// </summary>
public class ReconnectLimitTests
{
    private static RpcClientOptions Options(TimeSpan limit) => DevNodeHarness.FastOptions with
    {
        MaxReconnectAttempts = int.MaxValue,
        ReconnectLimit = limit,
        CallTimeout = TimeSpan.FromSeconds(1),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task A_node_back_on_the_same_port_within_the_limit_is_reconnected_and_a_waiting_call_is_answered()
    {
        var first = await DevNodeHarness.StartAsync();
        int port = first.Port;
        var events = new ConcurrentQueue<ConnectionEvent>();
        await using var client = await WebSocketRpcClient.ConnectAsync(first.Endpoint, Options(TimeSpan.FromSeconds(30)));
        client.ConnectionChanged += events.Enqueue;
        await first.DisposeAsync();
        Assert.True(await DevNodeHarness.EventuallyAsync(() => events.Any(e => e.Kind == ConnectionEventKind.Disconnected), TimeSpan.FromSeconds(5)));

        // Made while the node is away; the call's own 1 s timeout starts only once it is sent.
        var waiting = client.CallAsync("chain_getHeader", []);
        // Far more attempts than the 5 that FastOptions allows by count: the limit, not the count, decides.
        Assert.True(await DevNodeHarness.EventuallyAsync(
            () => events.Count(e => e.Kind == ConnectionEventKind.ConnectAttemptFailed) > 10, TimeSpan.FromSeconds(10)));
        await using var second = await DevNodeHarness.StartAsync(new DevNodeOptions { BlockMs = 0, Port = port });

        var header = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("0x0", header.GetProperty("number").GetString());
        Assert.Contains(events, e => e.Kind == ConnectionEventKind.Connected);
        Assert.DoesNotContain(events, e => e.Kind == ConnectionEventKind.GaveUpReconnecting);
    }

    [Fact]
    public async Task A_node_away_longer_than_the_limit_is_given_up_and_waiting_calls_fail_then()
    {
        var node = await DevNodeHarness.StartAsync();
        var events = new ConcurrentQueue<ConnectionEvent>();
        await using var client = await WebSocketRpcClient.ConnectAsync(node.Endpoint, Options(TimeSpan.FromSeconds(1.5)));
        client.ConnectionChanged += events.Enqueue;
        var clock = Stopwatch.StartNew();
        await node.DisposeAsync();
        Assert.True(await DevNodeHarness.EventuallyAsync(() => events.Any(e => e.Kind == ConnectionEventKind.Disconnected), TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
        Assert.Contains("did not come back within the reconnect limit of 1.5 s", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(6));
        Assert.Contains(events, e => e.Kind == ConnectionEventKind.GaveUpReconnecting);
    }
}

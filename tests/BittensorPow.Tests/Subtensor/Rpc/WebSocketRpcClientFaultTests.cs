using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.DevNode;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Rpc;

/// <summary>Every failure ends in a clear RpcException within a bounded time; none crashes or hangs the client.</summary>
public class WebSocketRpcClientFaultTests
{
    [Fact]
    public async Task ANodeThatNeverAnswersTimesOutWithinTheCallTimeout()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        await client.CallAsync("dev_setDelay", [int.MaxValue]);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", [], timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Equal(RpcErrorKind.Timeout, error.Kind);
        Assert.Contains("chain_getHeader", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        await client.CallAsync("dev_setDelay", [0]);
        Assert.Equal(node.Chain.Genesis.HashHex, (await client.CallAsync("chain_getBlockHash", [0])).GetString());
    }

    [Fact]
    public async Task ACallWhoseDeadlinePassesWhileItsRequestIsStillBeingSentLeavesTheConnectionUp()
    {
        // A node that has stopped reading (busy, or its socket buffer full): a large request cannot be sent whole. The
        // caller's deadline ends the caller's wait, not the connection every other caller and subscription shares.
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = ScriptedTcpServer.WebSocket(async (stream, ct) =>
        {
            await reading.Task.WaitAsync(ct);
            await ScriptedTcpServer.AnswerEveryCallAsync(stream, ct);
        });
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}");
        var events = new ConcurrentQueue<ConnectionEvent>();
        client.ConnectionChanged += events.Enqueue;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.CallAsync("author_submitExtrinsic", [new string('a', 16 << 20)], timeout: TimeSpan.FromSeconds(1)));
        Assert.Equal(RpcErrorKind.Timeout, error.Kind);
        reading.SetResult();

        // The same connection carries the next call: the rest of the large request first, then this one.
        Assert.Equal("ok", (await client.CallAsync("system_health", [], timeout: TimeSpan.FromSeconds(10))).GetString());
        Assert.Equal(1, server.Accepted);
        // The first Connected may be reported after the handler was added, and the node answers the call that gave up
        // (a reply nobody waits for); anything else means the socket went down.
        Assert.All(events, e => Assert.Contains(e.Kind, new[] { ConnectionEventKind.Connected, ConnectionEventKind.IgnoredMessage }));
        Assert.Contains(events, e => e.Kind == ConnectionEventKind.IgnoredMessage);
    }

    [Fact]
    public async Task MalformedMessagesAreReportedAndIgnoredAndTheClientKeepsWorking()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        var events = new ConcurrentQueue<string>();
        client.ConnectionChanged += e => events.Enqueue(e.Text);

        var reply = await client.CallAsync("dev_sendMalformed", []);

        Assert.True(reply.GetBoolean());
        Assert.True(await DevNodeHarness.EventuallyAsync(() => events.Count(e => e.StartsWith("ignored")) >= 4, TimeSpan.FromSeconds(5)),
            string.Join(" | ", events));
        Assert.Contains(events, e => e.Contains("invalid JSON"));
        Assert.Contains(events, e => e.Contains("unknown id 987654321"));
        Assert.Equal(node.Chain.Genesis.HashHex, (await client.CallAsync("chain_getBlockHash", [0])).GetString());
    }

    [Fact]
    public async Task ACallInFlightWhenTheSocketDropsFailsAsConnectionFailedAndIsNotRepeated()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        await client.CallAsync("dev_setDelay", [10_000]);

        var inFlight = client.CallAsync("chain_getHeader", []);
        await Task.Delay(100);
        node.DropConnections();

        var error = await Assert.ThrowsAsync<RpcException>(() => inFlight.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
        Assert.Contains("lost", error.Message);
        await client.CallAsync("dev_setDelay", [0]);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await client.CallAsync("chain_getHeader", [])).ValueKind);
    }

    [Fact]
    public async Task WhenTheNodeIsGoneForGoodCallsFailAfterTheLastReconnectAttempt()
    {
        var node = await DevNodeHarness.StartAsync();
        var client = await DevNodeHarness.ConnectAsync(node, DevNodeHarness.FastOptions with { MaxReconnectAttempts = 2 });
        var events = new ConcurrentQueue<string>();
        client.ConnectionChanged += e => events.Enqueue(e.Text);
        await using (client)
        {
            var clock = Stopwatch.StartNew();
            await node.DisposeAsync();

            // A call racing the drop fails as ConnectionFailed (lost, or waiting for a reconnect that never comes).
            var first = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));
            Assert.Equal(RpcErrorKind.ConnectionFailed, first.Kind);
            Assert.True(await DevNodeHarness.EventuallyAsync(() => events.Contains("gave up reconnecting"), TimeSpan.FromSeconds(8)),
                string.Join(" | ", events));

            var later = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));
            Assert.Equal(RpcErrorKind.ConnectionFailed, later.Kind);
            Assert.Contains("127.0.0.1", later.Message);
            Assert.Contains("reconnect attempts failed", later.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task ARefusedConnectionFailsAfterTheConfiguredAttemptsNamingTheEndpoint()
    {
        int port = UnusedPort();
        var events = new List<string>();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(new Uri($"ws://127.0.0.1:{port}"),
            DevNodeHarness.FastOptions with { ConnectAttempts = 3 }));

        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
        Assert.Contains($"ws://127.0.0.1:{port}", error.Message);
        Assert.Contains("3 attempt", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task TlsAgainstAPlainNodeFailsAsConnectionFailed()
    {
        await using var node = await DevNodeHarness.StartAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(new Uri($"wss://127.0.0.1:{node.Port}"),
            DevNodeHarness.FastOptions with { ConnectAttempts = 1 }));
        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9944")]
    [InlineData("127.0.0.1:9944")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData("file:///tmp/node")]
    public async Task BadUrlsAreBadEndpointBeforeAnyConnectAttempt(string url)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(url));
        Assert.Equal(RpcErrorKind.BadEndpoint, error.Kind);
    }

    [Fact]
    public async Task DisposeClosesTheConnectionAndLaterCallsAreRefused()
    {
        await using var node = await DevNodeHarness.StartAsync();
        var client = await DevNodeHarness.ConnectAsync(node);
        Assert.True(await DevNodeHarness.EventuallyAsync(() => node.ConnectionCount == 1, TimeSpan.FromSeconds(5)));

        var clock = Stopwatch.StartNew();
        await client.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => node.ConnectionCount == 0, TimeSpan.FromSeconds(5)),
            "the node still sees the connection");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CallAsync("chain_getHeader", []));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

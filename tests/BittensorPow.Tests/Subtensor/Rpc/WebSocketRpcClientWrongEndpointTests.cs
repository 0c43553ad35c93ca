using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Rpc;

/// <summary>
/// Endpoints that are not a node's WebSocket port: each failure says what the endpoint was and what was wrong, and a
/// definitive answer (an HTTP server, a failed TLS handshake) is not tried again. Attempts are counted by the server.
/// </summary>
public class WebSocketRpcClientWrongEndpointTests
{
    // The defaults a cmdlet connects with: 3 attempts, 10 s handshake timeout.
    private static readonly RpcClientOptions Defaults = new();

    [Theory]
    [InlineData("200 OK")]
    [InlineData("404 Not Found")]
    public async Task AnHttpServerIsNamedAndNotTriedAgain(string status)
    {
        await using var server = ScriptedTcpServer.Http(status);
        var endpoint = $"ws://127.0.0.1:{server.Port}";

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(endpoint, Defaults));

        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
        Assert.Equal(ConnectFailure.NotWebSocket, error.Connect);
        Assert.Contains($"the server at {endpoint} answered HTTP {status.Split(' ')[0]}", error.Message);
        Assert.Contains("not a WebSocket upgrade: it is not a node's JSON-RPC port", error.Message);
        Assert.DoesNotContain("attempt", error.Message);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task AGatewayThatSaysTheNodeIsDownIsTriedAgain()
    {
        await using var server = ScriptedTcpServer.Http("503 Service Unavailable");
        var options = Defaults with { ReconnectInitialDelay = TimeSpan.FromMilliseconds(10) };

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", options));

        Assert.Equal(ConnectFailure.NotWebSocket, error.Connect);
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Equal(3, server.Accepted);
    }

    [Fact]
    public async Task APortThatAcceptsAndClosesIsTriedWithTheShortBackoffAndNamed()
    {
        await using var server = ScriptedTcpServer.AcceptThenClose();
        var endpoint = $"ws://127.0.0.1:{server.Port}";

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(endpoint, Defaults));

        Assert.Equal(RpcErrorKind.ConnectionFailed, error.Kind);
        Assert.Equal(ConnectFailure.ClosedBeforeHandshake, error.Connect);
        Assert.Contains($"Could not connect to {endpoint} after 3 attempt(s): {endpoint} accepted the connection and closed it "
            + "before the WebSocket handshake", error.Message);
        // Each attempt failed on the hang-up, not on the 10 s handshake timeout.
        Assert.DoesNotContain("within", error.Message);
        // .NET's HTTP stack itself opens up to 4 connections per attempt when a fresh one closes before any response.
        Assert.InRange(server.Accepted, 3, 3 * 4);
    }

    [Fact]
    public async Task WssAgainstAPlainServerNamesTlsSuggestsWsAndIsNotTriedAgain()
    {
        // A plain WebSocket node answers a TLS ClientHello as bad HTTP.
        await using var server = ScriptedTcpServer.Start(async (stream, ct) =>
        {
            await stream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false, ct);
            await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync($"wss://127.0.0.1:{server.Port}", Defaults));

        Assert.Equal(ConnectFailure.TlsFailed, error.Connect);
        Assert.Contains($"the TLS handshake with wss://127.0.0.1:{server.Port} failed", error.Message);
        Assert.Contains($"try ws://127.0.0.1:{server.Port}", error.Message);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task WssAgainstAPlainServerThatWaitsForHttpNamesTlsAndIsNotTriedAgain()
    {
        // The DevNode, like any server waiting for an HTTP request's end, never answers a TLS hello.
        await using var server = ScriptedTcpServer.Start(async (stream, ct) =>
        {
            var buffer = new byte[4096];
            while (await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, ct) > 0) { }
        });
        var options = Defaults with { ConnectTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync($"wss://127.0.0.1:{server.Port}", options));

        Assert.Equal(ConnectFailure.TlsFailed, error.Connect);
        Assert.Contains($"the TLS handshake with wss://127.0.0.1:{server.Port} failed: no TLS answer within 1 s", error.Message);
        Assert.Contains($"try ws://127.0.0.1:{server.Port}", error.Message);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task APlainServerThatNeverAnswersTheUpgradeIsAHandshakeTimeoutAfterOneConnectTimeout()
    {
        // Silence for a whole connect timeout is an answer: saying so after one timeout, not three, keeps it well inside
        // the call's own limit (Get-SubtensorBlock's 30 s), so users hear what is wrong rather than "ran out".
        await using var server = ScriptedTcpServer.Start((stream, ct) => Task.Delay(Timeout.Infinite, ct));
        var options = Defaults with { ConnectTimeout = TimeSpan.FromMilliseconds(300), ReconnectInitialDelay = TimeSpan.FromMilliseconds(10) };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", options));

        Assert.Equal(ConnectFailure.HandshakeTimeout, error.Connect);
        Assert.Equal($"Could not connect to ws://127.0.0.1:{server.Port}: ws://127.0.0.1:{server.Port} accepted the connection " +
            "but sent no WebSocket handshake reply within 0.3 s.", error.Message);
        Assert.Equal(1, server.Accepted);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ARefusedConnectionIsStillTriedAgainAsANodeStartingUp()
    {
        int port;
        await using (var gone = ScriptedTcpServer.AcceptThenClose()) port = gone.Port;

        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{port}",
            Defaults with { ReconnectInitialDelay = TimeSpan.FromMilliseconds(10) }));

        Assert.Equal(ConnectFailure.Refused, error.Connect);
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Contains("connection refused", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9944", "http:// is not a WebSocket scheme", "ws://127.0.0.1:9944")]
    [InlineData("https://node.example:443/rpc", "https:// is not a WebSocket scheme", "wss://node.example:443/rpc")]
    [InlineData("ws://127.0.0.1:99999", "port 99999 is out of range 1–65535", "ws://127.0.0.1:9944")]
    public async Task WrongSchemesAndPortsSayWhatIsWrongAndWhatToUse(string url, string wrong, string suggestion)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => WebSocketRpcClient.ConnectAsync(url));

        Assert.Equal(RpcErrorKind.BadEndpoint, error.Kind);
        Assert.Contains(url, error.Message);
        Assert.Contains(wrong, error.Message);
        Assert.Contains(suggestion, error.Message);
    }
}

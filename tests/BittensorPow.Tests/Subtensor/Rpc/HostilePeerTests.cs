using System.Diagnostics;
using System.Text;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.Support;

namespace BittensorPow.Tests.Rpc;

/// <summary>
/// A server that answers a call with garbage: the call fails as MalformedReply (never "the connection was lost" or a plain
/// timeout), and the error shows at most a short, escaped piece of what the server sent.
/// </summary>
public class HostilePeerTests
{
    private static readonly RpcClientOptions Options = new() { MaxReconnectAttempts = 0, CallTimeout = TimeSpan.FromSeconds(3) };

    /// <summary>Answers the first call with <paramref name="reply"/> (text, or binary), then does what <paramref name="after"/> says.</summary>
    private static ScriptedTcpServer Answering(byte[] reply, Func<CancellationToken, Task> after, bool binary = false) =>
        ScriptedTcpServer.WebSocket(async (stream, ct) =>
        {
            await ScriptedTcpServer.ReadMessageAsync(stream, ct);
            await ScriptedTcpServer.WriteFrameAsync(stream, binary ? (byte)0x82 : (byte)0x81, reply, ct);
            await after(ct);
        });

    private static void AssertShortAndPrintable(RpcException error)
    {
        Assert.Equal(RpcErrorKind.MalformedReply, error.Kind);
        Assert.Contains("malformed", error.Message);
        Assert.True(error.Message.Length < 600, error.Message);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
    }

    [Fact]
    public async Task Random_bytes_then_a_hang_up_are_a_malformed_reply_quoting_them_escaped_and_cut()
    {
        var garbage = new byte[4096];
        new Random(1).NextBytes(garbage);
        // A binary message is read like a text one: its bytes reach the parser, and so the message.
        await using var server = Answering(garbage, ct => Task.Delay(200, ct), binary: true);
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));

        AssertShortAndPrintable(error);
        var quoted = error.Message[(error.Message.IndexOf("text that is not UTF-8: ", StringComparison.Ordinal) + 24)..];
        Assert.InRange(quoted.Length, 100, PeerText.MaxLength);
        Assert.Matches(@"(\\x[0-9A-F]{2}.*){10}", error.Message);
        Assert.Contains("chain_getHeader", error.Message);
    }

    [Fact]
    public async Task A_text_frame_of_random_bytes_breaks_the_WebSocket_and_is_a_malformed_reply()
    {
        var garbage = new byte[4096];
        new Random(2).NextBytes(garbage);
        // The WebSocket itself refuses a text message that is not UTF-8 and aborts the connection.
        await using var server = Answering(garbage, ct => Task.Delay(Timeout.Infinite, ct));
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));

        AssertShortAndPrintable(error);
        Assert.Contains("not a valid WebSocket message", error.Message);
    }

    [Fact]
    public async Task Broken_JSON_without_an_id_then_a_hang_up_is_malformed_not_a_lost_connection()
    {
        await using var server = Answering("{\"jsonrpc\":\"2.0\",\"result\":{\"number\":\"0x1\"\u001b[2J"u8.ToArray(), _ => Task.CompletedTask);
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));

        AssertShortAndPrintable(error);
        Assert.Contains("invalid JSON", error.Message);
        Assert.Contains("\\x1B[2J", error.Message);
        Assert.Contains("then the connection ended", error.Message);
    }

    [Fact]
    public async Task Broken_JSON_without_an_id_then_silence_is_malformed_when_the_call_times_out()
    {
        await using var server = Answering("not json at all"u8.ToArray(), ct => Task.Delay(Timeout.Infinite, ct));
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", Options);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", [], timeout: TimeSpan.FromMilliseconds(500)));

        AssertShortAndPrintable(error);
        Assert.Contains("no reply came within 0.5 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }

    [Fact]
    public async Task A_node_error_is_quoted_escaped_and_cut()
    {
        var message = "\u001b]0;pwned\u0007" + new string('x', 5000);
        var body = new { jsonrpc = "2.0", id = 1, error = new { code = -32000, message, data = message } };
        var reply = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body));
        await using var server = Answering(reply, ct => Task.Delay(Timeout.Infinite, ct));
        await using var client = await WebSocketRpcClient.ConnectAsync($"ws://127.0.0.1:{server.Port}", Options);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("chain_getHeader", []));

        Assert.Equal(RpcErrorKind.Remote, error.Kind);
        Assert.StartsWith("node error -32000: \\x1B]0;pwned\\x07xxx", error.Message);
        Assert.True(error.Message.Length < 2 * PeerText.MaxLength + 40, error.Message);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BittensorPow.Tests.Support;

/// <summary>
/// A loopback TCP server that runs a script on every connection it accepts and counts them: an HTTP server, a port
/// that hangs up at once, a service that speaks something else. The count shows how often a client tried.
/// </summary>
public sealed class ScriptedTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<NetworkStream, CancellationToken, Task> _script;
    private readonly Task _loop;
    private int _accepted;

    private ScriptedTcpServer(Func<NetworkStream, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Accepted => Volatile.Read(ref _accepted);

    public static ScriptedTcpServer Start(Func<NetworkStream, CancellationToken, Task> script) => new(script);

    /// <summary>Reads the request's head, then answers with <paramref name="statusLine"/> (e.g. "404 Not Found") and closes.</summary>
    public static ScriptedTcpServer Http(string statusLine) => Start(async (stream, ct) =>
    {
        await ReadHeadAsync(stream, ct);
        var reply = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {statusLine}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        await stream.WriteAsync(reply, ct);
    });

    /// <summary>Accepts and closes at once, before any handshake.</summary>
    public static ScriptedTcpServer AcceptThenClose() => Start((_, _) => Task.CompletedTask);

    /// <summary>Completes the WebSocket upgrade, then runs <paramref name="afterHandshake"/> on the raw stream.</summary>
    public static ScriptedTcpServer WebSocket(Func<NetworkStream, CancellationToken, Task> afterHandshake) => Start(async (stream, ct) =>
    {
        var head = await ReadHeadAsync(stream, ct);
        var key = head.Split("\r\n").Select(l => l.Split(':', 2))
            .First(kv => kv[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))[1].Trim();
        var accept = Convert.ToBase64String(
            System.Security.Cryptography.SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\n\r\n"), ct);
        await afterHandshake(stream, ct);
    });

    /// <summary>
    /// Reads the client's WebSocket frames and answers each JSON-RPC request with its own id and the result "ok": the
    /// least a node does, without one (e.g. after holding its reads back).
    /// </summary>
    public static async Task AnswerEveryCallAsync(NetworkStream stream, CancellationToken ct)
    {
        while (true)
        {
            using var request = System.Text.Json.JsonDocument.Parse(await ReadMessageAsync(stream, ct));
            var id = request.RootElement.GetProperty("id").GetRawText();
            await WriteTextFrameAsync(stream, Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"ok\"}}"), ct);
        }
    }

    /// <summary>Reads one whole message from the client (masked frames, any number of them).</summary>
    public static async Task<byte[]> ReadMessageAsync(NetworkStream stream, CancellationToken ct)
    {
        var message = new List<byte>();
        var head = new byte[14];
        while (true)
        {
            await stream.ReadExactlyAsync(head.AsMemory(0, 2), ct);
            bool fin = (head[0] & 0x80) != 0;
            long length = head[1] & 0x7F;
            if (length == 126)
            {
                await stream.ReadExactlyAsync(head.AsMemory(2, 2), ct);
                length = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(2));
            }
            else if (length == 127)
            {
                await stream.ReadExactlyAsync(head.AsMemory(2, 8), ct);
                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(2));
            }
            var mask = new byte[4];
            await stream.ReadExactlyAsync(mask, ct);
            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload, ct);
            for (int i = 0; i < payload.Length; i++) payload[i] ^= mask[i & 3];
            message.AddRange(payload);
            if (fin) return message.ToArray();
        }
    }

    /// <summary>Sends <paramref name="payload"/> as one unmasked text frame (the server's side), whatever its bytes are.</summary>
    public static Task WriteTextFrameAsync(NetworkStream stream, byte[] payload, CancellationToken ct) => WriteFrameAsync(stream, 0x81, payload, ct);

    /// <summary>Sends one unmasked frame with the given first byte (0x81 text, 0x82 binary, both final).</summary>
    public static async Task WriteFrameAsync(NetworkStream stream, byte first, byte[] payload, CancellationToken ct)
    {
        byte[] frameHead = payload.Length < 126 ? [first, (byte)payload.Length]
            : payload.Length <= ushort.MaxValue ? [first, 126, (byte)(payload.Length >> 8), (byte)payload.Length]
            : [first, 127, 0, 0, 0, 0, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length];
        await stream.WriteAsync(frameHead, ct);
        await stream.WriteAsync(payload, ct);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            Interlocked.Increment(ref _accepted);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try { await _script(client.GetStream(), _stop.Token); }
                    catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException) { }
                }
            });
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        // A byte at a time: nothing the client sends after the head may be taken from the stream here.
        var buffer = new byte[1];
        var seen = new StringBuilder();
        while (!seen.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer, ct);
            if (n == 0) break;
            seen.Append((char)buffer[0]);
        }
        return seen.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

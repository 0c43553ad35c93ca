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
        var reply = Encoding.ASCII.GetBytes($"HTTP/1.1 {statusLine}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        await stream.WriteAsync(reply, ct);
    });

    /// <summary>Accepts and closes at once, before any handshake.</summary>
    public static ScriptedTcpServer AcceptThenClose() => Start((_, _) => Task.CompletedTask);

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

    private static async Task ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer, ct);
            if (n == 0) return;
            seen.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

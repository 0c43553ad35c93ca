using System.Security.Cryptography;
using System.Text;

namespace BittensorPow.DevNode.Transport;

/// <summary>
/// The server half of the RFC 6455 opening handshake over a raw stream. A TcpListener is used instead of
/// HttpListener because HttpListener cannot bind "any free port", which parallel tests need.
/// </summary>
public static class WebSocketHandshake
{
    private const string Rfc6455Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const int MaxRequestBytes = 16 * 1024;

    /// <summary>Reads the HTTP upgrade request and answers 101; answers 400 and returns false for anything else.</summary>
    public static async Task<bool> AcceptAsync(Stream stream, CancellationToken cancellation)
    {
        string? request = await ReadRequestAsync(stream, cancellation);
        string? key = request is null ? null : Header(request, "Sec-WebSocket-Key");
        bool upgrade = request is not null && (Header(request, "Upgrade")?.Contains("websocket", StringComparison.OrdinalIgnoreCase) ?? false);
        if (key is null || !upgrade)
        {
            await WriteAsync(stream, "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                + "Content-Length: 38\r\n\r\nThis node speaks JSON-RPC on WebSocket", cancellation);
            return false;
        }
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + Rfc6455Guid)));
        await WriteAsync(stream, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\n\r\n", cancellation);
        return true;
    }

    /// <summary>Reads byte by byte up to the blank line, so no byte of the first WebSocket frame is consumed here.</summary>
    private static async Task<string?> ReadRequestAsync(Stream stream, CancellationToken cancellation)
    {
        var bytes = new List<byte>(1024);
        var one = new byte[1];
        while (bytes.Count < MaxRequestBytes)
        {
            if (await stream.ReadAsync(one, cancellation) == 0) return null;
            bytes.Add(one[0]);
            int n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray());
        }
        return null;
    }

    private static string? Header(string request, string name)
    {
        foreach (var line in request.Split("\r\n"))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }
        return null;
    }

    private static Task WriteAsync(Stream stream, string text, CancellationToken cancellation)
        => stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellation).AsTask();
}

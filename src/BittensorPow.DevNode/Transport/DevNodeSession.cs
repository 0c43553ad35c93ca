using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BittensorPow.DevNode.Transport;

/// <summary>
/// One client connection. Requests are handled concurrently (so a delayed reply does not hold up others) and every
/// outgoing message goes through one queue and one writer, which keeps notifications in order. Large messages go
/// out in 64 KiB frames, so clients are exercised on messages split across frames.
/// </summary>
public sealed class DevNodeSession
{
    private const int FrameBytes = 64 * 1024;
    private readonly WebSocket _socket;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Action> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _life;

    public DevNodeSession(DevNodeServer server, WebSocket socket, CancellationToken serverStopping)
    {
        Server = server;
        _socket = socket;
        _life = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
    }

    public DevNodeServer Server { get; }

    public async Task RunAsync()
    {
        var writer = Task.Run(WriteLoopAsync);
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            string[] ids;
            lock (_subscriptions) ids = _subscriptions.Keys.ToArray();
            foreach (var id in ids) Unsubscribe(id);
            _outgoing.Writer.TryComplete();
            _life.Cancel();
            await Task.WhenAny(writer, Task.Delay(2000));
            _socket.Abort();
            _socket.Dispose();
        }
    }

    /// <summary>Cuts the connection without a close handshake, as a crashed node or a broken network would.</summary>
    public void Abort()
    {
        _life.Cancel();
        _socket.Abort();
    }

    public void SendJson(JsonNode message) => Enqueue(Encoding.UTF8.GetBytes(message.ToJsonString()), split: false);

    /// <summary>Queues raw text as it is, even when it is not JSON (fault injection).</summary>
    public void SendRawText(string text, bool splitIntoSmallFrames = false) => Enqueue(Encoding.UTF8.GetBytes(text), splitIntoSmallFrames);

    public void Notify(string method, string subscriptionId, JsonNode? result) => SendJson(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["method"] = method,
        ["params"] = new JsonObject { ["subscription"] = subscriptionId, ["result"] = result },
    });

    /// <summary>
    /// Registers a subscription: <paramref name="attach"/> runs after the reply (it starts the feed and returns
    /// how to stop it). Returns the id to put in the reply.
    /// </summary>
    public string Subscribe(RpcCall call, Func<string, Action> attach)
    {
        string id = NewSubscriptionId();
        lock (_subscriptions) _subscriptions[id] = () => { };
        call.ThenDo(() =>
        {
            var detach = attach(id);
            bool stillWanted;
            lock (_subscriptions)
            {
                stillWanted = _subscriptions.ContainsKey(id);
                if (stillWanted) _subscriptions[id] = detach;
            }
            // Unsubscribed (or disconnected) before the feed started: stop it at once.
            if (!stillWanted) detach();
        });
        return id;
    }

    public bool Unsubscribe(string id)
    {
        Action? detach;
        lock (_subscriptions)
            if (!_subscriptions.Remove(id, out detach)) return false;
        detach();
        return true;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[FrameBytes];
        var message = new MemoryStream();
        while (!_life.IsCancellationRequested)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult frame;
            do
            {
                frame = await _socket.ReceiveAsync(buffer.AsMemory(), _life.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    using var closing = new CancellationTokenSource(1000);
                    try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closing.Token); }
                    catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
                    return;
                }
                message.Write(buffer, 0, frame.Count);
            } while (!frame.EndOfMessage);
            Receive(message.ToArray());
        }
    }

    private void Receive(byte[] utf8)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8); }
        catch (JsonException) { SendJson(ErrorReply(null, new RpcError(-32700, "Parse error"))); return; }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
        {
            SendJson(ErrorReply(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var badId)
                    ? JsonNode.Parse(badId.GetRawText()) : null,
                new RpcError(-32600, "Invalid request")));
            document.Dispose();
            return;
        }
        JsonNode? id = root.TryGetProperty("id", out var idElement) ? JsonNode.Parse(idElement.GetRawText()) : null;
        var call = new RpcCall(this, m.GetString()!, root.TryGetProperty("params", out var p) ? p.Clone() : default);
        document.Dispose();
        _ = Task.Run(() => HandleAsync(call, id));
    }

    private async Task HandleAsync(RpcCall call, JsonNode? id)
    {
        int delay = Server.Faults.DelayFor(call.Method);
        if (delay > 0)
        {
            try { await Task.Delay(delay, _life.Token); }
            catch (OperationCanceledException) { return; }
        }

        JsonObject reply;
        try
        {
            var result = Server.Methods.Invoke(call);
            reply = new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = id };
        }
        catch (RpcError e)
        {
            reply = ErrorReply(id, e);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"DevNode: {call.Method} failed: {e}");
            reply = ErrorReply(id, new RpcError(-32603, "Internal error", e.Message));
        }

        if (Server.Faults.NotifyFirst)
        {
            // Fault: push the first notifications before the subscribe reply, which clients must buffer.
            foreach (var action in call.AfterReply) action();
            SendJson(reply);
        }
        else
        {
            SendJson(reply);
            foreach (var action in call.AfterReply) action();
        }
    }

    private static JsonObject ErrorReply(JsonNode? id, RpcError e)
    {
        var error = new JsonObject { ["code"] = e.Code, ["message"] = e.Message };
        if (e.ErrorData is not null) error["data"] = e.ErrorData;
        return new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id };
    }

    private void Enqueue(byte[] utf8, bool split) => _outgoing.Writer.TryWrite(new Outgoing(utf8, split ? 7 : FrameBytes));

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_life.Token))
            {
                for (int offset = 0; offset < message.Utf8.Length || offset == 0; offset += message.FrameBytes)
                {
                    int count = Math.Min(message.FrameBytes, message.Utf8.Length - offset);
                    bool last = offset + count >= message.Utf8.Length;
                    await _socket.SendAsync(message.Utf8.AsMemory(offset, count), WebSocketMessageType.Text, last, _life.Token);
                    if (last) break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection is gone; the read loop ends the session.
        }
    }

    private static string NewSubscriptionId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(16, 0, (span, _) => { for (int i = 0; i < span.Length; i++) span[i] = alphabet[Random.Shared.Next(alphabet.Length)]; });
    }

    private readonly record struct Outgoing(byte[] Utf8, int FrameBytes);
}

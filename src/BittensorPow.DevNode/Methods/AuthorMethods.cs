using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.DevNode.Transport;

namespace BittensorPow.DevNode.Methods;

/// <summary>
/// author_*: submitting transactions. A refused one gets the error a Substrate node sends (1010 "Invalid
/// Transaction" with the reason as data, …, see <see cref="TransactionRejected"/>). A watched one gets
/// author_extrinsicUpdate notifications: "ready" (or "future"), {"inBlock": hash}, then {"finalized": hash} once
/// the finality lag has passed, which ends the subscription; "invalid" if the block builder drops it.
/// With --block-ms 0 each accepted submission produces a block at once (like chopsticks' instant mode).
/// </summary>
public static class AuthorMethods
{
    [RpcMethod("author_submitExtrinsic")]
    public static JsonNode? SubmitExtrinsic(RpcCall call)
    {
        var entry = Submit(call);
        call.ThenDo(() => ProduceIfInstant(call));
        return entry.HashHex;
    }

    [RpcMethod("author_submitAndWatchExtrinsic")]
    public static JsonNode? SubmitAndWatchExtrinsic(RpcCall call)
    {
        var entry = Submit(call);
        var session = call.Session;
        return session.Subscribe(call, id =>
        {
            var detach = entry.Watch((status, final) =>
            {
                session.Notify("author_extrinsicUpdate", id, status);
                if (final) _ = Task.Run(() => session.Unsubscribe(id));
            });
            ProduceIfInstant(call);
            return detach;
        });
    }

    [RpcMethod("author_unwatchExtrinsic")]
    public static JsonNode? UnwatchExtrinsic(RpcCall call) => call.Session.Unsubscribe(call.RequiredString(0));

    [RpcMethod("author_pendingExtrinsics")]
    public static JsonNode? PendingExtrinsics(RpcCall call)
        => new JsonArray(call.Server.Chain.Pool.Pending.Select(e => RpcCall.Hex(e.Bytes)).ToArray());

    private static PoolEntry Submit(RpcCall call)
    {
        string hex = call.RequiredString(0);
        byte[] bytes;
        try { bytes = Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex); }
        catch (FormatException) { throw RpcError.InvalidParams("the extrinsic must be 0x-prefixed hex"); }
        try { return call.Server.Chain.Submit(bytes); }
        catch (TransactionRejected e) { throw new RpcError(e.Code, e.RpcMessage, e.ErrorData); }
    }

    private static void ProduceIfInstant(RpcCall call)
    {
        if (call.Server.Options.BlockMs == 0) call.Server.Chain.ProduceBlock();
    }
}

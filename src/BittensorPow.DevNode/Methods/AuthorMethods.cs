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
    public static void Register(MethodTable table)
    {
        table.Add("author_submitExtrinsic", c =>
        {
            var entry = Submit(c);
            c.ThenDo(() => ProduceIfInstant(c));
            return entry.HashHex;
        });
        table.Add("author_submitAndWatchExtrinsic", c =>
        {
            var entry = Submit(c);
            var session = c.Session;
            return session.Subscribe(c, id =>
            {
                var detach = entry.Watch((status, final) =>
                {
                    session.Notify("author_extrinsicUpdate", id, status);
                    if (final) _ = Task.Run(() => session.Unsubscribe(id));
                });
                ProduceIfInstant(c);
                return detach;
            });
        });
        table.Add("author_unwatchExtrinsic", c => c.Session.Unsubscribe(c.RequiredString(0)));
        table.Add("author_pendingExtrinsics", c => new JsonArray(c.Server.Chain.Pool.Pending.Select(e => RpcCall.Hex(e.Bytes)).ToArray()));
    }

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

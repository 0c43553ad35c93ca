using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;

namespace BittensorPow.DevNode.Methods;

/// <summary>chain_*: headers, hashes, blocks and the head subscriptions.</summary>
public static class ChainMethods
{
    public static void Register(MethodTable table)
    {
        table.Add("chain_getHeader", c => Block(c, 0) is { } b ? Header(c, b) : null);
        table.Add("chain_getBlock", c => Block(c, 0) is { } b ? new JsonObject
        {
            ["block"] = new JsonObject
            {
                ["header"] = Header(c, b),
                ["extrinsics"] = new JsonArray(b.Extrinsics.Select(e => RpcCall.Hex(e)).ToArray()),
            },
            ["justifications"] = null,
        } : null);
        table.Add("chain_getBlockHash", GetBlockHash);
        table.Add("chain_getHead", GetBlockHash);
        table.Add("chain_getFinalizedHead", c => c.Server.Chain.Finalized.HashHex);
        table.Add("chain_getFinalisedHead", c => c.Server.Chain.Finalized.HashHex);

        AddHeadSubscription(table, "chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead", finalized: false);
        AddHeadSubscription(table, "chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead", finalized: false);
        AddHeadSubscription(table, "chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_finalizedHead", finalized: true);
        AddHeadSubscription(table, "chain_subscribeFinalisedHeads", "chain_unsubscribeFinalisedHeads", "chain_finalizedHead", finalized: true);
    }

    public static JsonObject Header(RpcCall call, DevBlock block) => HeaderCodec.ToJson(block.Header, call.Server.Options.PaddedNumbers);

    /// <summary>The block named by an optional hash parameter: the best block when absent, null when unknown.</summary>
    public static DevBlock? Block(RpcCall call, int index)
        => call.OptionalString(index) is { } hash ? call.Server.Chain.ByHash(hash) : call.Server.Chain.Head;

    /// <summary>Number as JSON number, hex or decimal text; absent = best. An array of numbers gives an array of hashes.</summary>
    private static JsonNode? GetBlockHash(RpcCall call)
    {
        var chain = call.Server.Chain;
        if (call.Param(0) is { ValueKind: System.Text.Json.JsonValueKind.Array } list)
            return new JsonArray(list.EnumerateArray()
                .Select(e => (JsonNode?)(e.TryGetUInt64(out var n) ? chain.ByNumber(n)?.HashHex : null)).ToArray());
        return call.OptionalNumber(0) is { } number ? chain.ByNumber(number)?.HashHex : chain.Head.HashHex;
    }

    private static void AddHeadSubscription(MethodTable table, string subscribe, string unsubscribe, string notification, bool finalized)
    {
        table.Add(subscribe, call =>
        {
            var chain = call.Server.Chain;
            var session = call.Session;
            return session.Subscribe(call, id =>
            {
                Action<DevBlock> push = block => session.Notify(notification, id, Header(call, block));
                if (finalized) chain.BlockFinalized += push; else chain.BlockProduced += push;
                // Real nodes send the current head at once, so a subscriber needs no separate read.
                push(finalized ? chain.Finalized : chain.Head);
                return () => { if (finalized) chain.BlockFinalized -= push; else chain.BlockProduced -= push; };
            });
        });
        table.Add(unsubscribe, call => call.Session.Unsubscribe(call.RequiredString(0)));
    }
}

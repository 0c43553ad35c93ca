using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;

namespace BittensorPow.DevNode.Methods;

/// <summary>chain_*: headers, hashes, blocks and the head subscriptions.</summary>
public static class ChainMethods
{
    [RpcMethod("chain_getHeader")]
    public static JsonNode? GetHeader(RpcCall call) => Block(call, 0) is { } b ? Header(call, b) : null;

    [RpcMethod("chain_getBlock")]
    public static JsonNode? GetBlock(RpcCall call) => Block(call, 0) is { } b ? new JsonObject
    {
        ["block"] = new JsonObject
        {
            ["header"] = Header(call, b),
            ["extrinsics"] = new JsonArray(b.Extrinsics.Select(e => RpcCall.Hex(e)).ToArray()),
        },
        ["justifications"] = null,
    } : null;

    /// <summary>Number as JSON number, hex or decimal text; absent = best. An array of numbers gives an array of hashes.</summary>
    [RpcMethod("chain_getBlockHash")]
    [RpcMethod("chain_getHead")]
    public static JsonNode? GetBlockHash(RpcCall call)
    {
        var chain = call.Server.Chain;
        if (call.Param(0) is { ValueKind: System.Text.Json.JsonValueKind.Array } list)
            return new JsonArray(list.EnumerateArray()
                .Select(e => (JsonNode?)(e.TryGetUInt64(out var n) ? chain.ByNumber(n)?.HashHex : null)).ToArray());
        return call.OptionalNumber(0) is { } number ? chain.ByNumber(number)?.HashHex : chain.Head.HashHex;
    }

    [RpcMethod("chain_getFinalizedHead")]
    [RpcMethod("chain_getFinalisedHead")]
    public static JsonNode? GetFinalizedHead(RpcCall call) => call.Server.Chain.Finalized.HashHex;

    [RpcMethod("chain_subscribeNewHeads")]
    public static JsonNode? SubscribeNewHeads(RpcCall call) => SubscribeHeads(call, "chain_newHead", finalized: false);

    [RpcMethod("chain_subscribeAllHeads")]
    public static JsonNode? SubscribeAllHeads(RpcCall call) => SubscribeHeads(call, "chain_allHead", finalized: false);

    [RpcMethod("chain_subscribeFinalizedHeads")]
    [RpcMethod("chain_subscribeFinalisedHeads")]
    public static JsonNode? SubscribeFinalizedHeads(RpcCall call)
        => SubscribeHeads(call, "chain_finalizedHead", finalized: true);

    [RpcMethod("chain_unsubscribeNewHeads")]
    [RpcMethod("chain_unsubscribeAllHeads")]
    [RpcMethod("chain_unsubscribeFinalizedHeads")]
    [RpcMethod("chain_unsubscribeFinalisedHeads")]
    public static JsonNode? UnsubscribeHeads(RpcCall call) => call.Session.Unsubscribe(call.RequiredString(0));

    public static JsonObject Header(RpcCall call, DevBlock block) => HeaderCodec.ToJson(block.Header, call.Server.Options.PaddedNumbers);

    /// <summary>The block named by an optional hash parameter: the best block when absent, null when unknown.</summary>
    public static DevBlock? Block(RpcCall call, int index)
        => call.OptionalString(index) is { } hash ? call.Server.Chain.ByHash(hash) : call.Server.Chain.Head;

    private static string SubscribeHeads(RpcCall call, string notification, bool finalized)
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
    }
}

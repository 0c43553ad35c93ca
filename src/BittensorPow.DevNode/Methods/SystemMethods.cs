using System.Text.Json.Nodes;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.DevNode.Methods;

/// <summary>system_* and rpc_methods: the node identity polkadot.js and our client read on connect.</summary>
public static class SystemMethods
{
    [RpcMethod("system_chain")]
    public static JsonNode? Chain(RpcCall _) => "Bittensor DevNode";

    [RpcMethod("system_name")]
    public static JsonNode? Name(RpcCall _) => "BittensorPow DevNode";

    [RpcMethod("system_version")]
    public static JsonNode? Version(RpcCall _) => "1.0.0-dev";

    [RpcMethod("system_chainType")]
    public static JsonNode? ChainType(RpcCall _) => "Development";

    [RpcMethod("system_properties")]
    public static JsonNode? Properties(RpcCall _)
        => new JsonObject { ["ss58Format"] = 42, ["tokenDecimals"] = 9, ["tokenSymbol"] = "TAO" };

    [RpcMethod("system_health")]
    public static JsonNode? Health(RpcCall _)
        => new JsonObject { ["peers"] = 0, ["isSyncing"] = false, ["shouldHavePeers"] = false };

    [RpcMethod("system_localPeerId")]
    public static JsonNode? LocalPeerId(RpcCall _) => "12D3KooWDevNodeDevNodeDevNodeDevNodeDevNode";

    /// <summary>
    /// The nonce from System.Account at the head, advanced past the account's ready pool transactions (as a node counts).
    /// </summary>
    [RpcMethod("system_accountNextIndex")]
    [RpcMethod("account_nextIndex")]
    public static JsonNode? AccountNextIndex(RpcCall call)
    {
        byte[] account = Ss58.TryDecode(call.RequiredString(0), null, out var key, out var error)
            ? key! : throw RpcError.InvalidParams(error!);
        return call.Server.Chain.NextIndex(account);
    }

    [RpcMethod("rpc_methods")]
    public static JsonNode? Methods(RpcCall call) => new JsonObject
    {
        ["methods"] = new JsonArray(call.Server.Methods.Names.Select(n => (JsonNode)n).ToArray()),
        ["version"] = 1,
    };
}

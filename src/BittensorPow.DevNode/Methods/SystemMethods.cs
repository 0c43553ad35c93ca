using System.Text.Json.Nodes;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.DevNode.Methods;

/// <summary>system_* and rpc_methods: the node identity polkadot.js and our client read on connect.</summary>
public static class SystemMethods
{
    public static void Register(MethodTable table)
    {
        table.Add("system_chain", _ => "Bittensor DevNode");
        table.Add("system_name", _ => "BittensorPow DevNode");
        table.Add("system_version", _ => "1.0.0-dev");
        table.Add("system_chainType", _ => "Development");
        table.Add("system_properties", _ => new JsonObject { ["ss58Format"] = 42, ["tokenDecimals"] = 9, ["tokenSymbol"] = "TAO" });
        table.Add("system_health", _ => new JsonObject { ["peers"] = 0, ["isSyncing"] = false, ["shouldHavePeers"] = false });
        table.Add("system_localPeerId", _ => "12D3KooWDevNodeDevNodeDevNodeDevNodeDevNode");
        table.Add("system_accountNextIndex", AccountNextIndex);
        table.Add("account_nextIndex", AccountNextIndex);
        table.Add("rpc_methods", c => new JsonObject
        {
            ["methods"] = new JsonArray(c.Server.Methods.Names.Select(n => (JsonNode)n).ToArray()),
            ["version"] = 1,
        });
    }

    /// <summary>The nonce from System.Account at the head, advanced past the account's ready pool transactions (as a node counts).</summary>
    private static JsonNode? AccountNextIndex(Transport.RpcCall call)
    {
        byte[] account = Ss58.TryDecode(call.RequiredString(0), null, out var key, out var error)
            ? key! : throw Transport.RpcError.InvalidParams(error!);
        return call.Server.Chain.NextIndex(account);
    }
}

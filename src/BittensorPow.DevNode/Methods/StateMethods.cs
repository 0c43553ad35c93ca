using System.Text.Json;
using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Methods;

/// <summary>state_*: storage, metadata, runtime version and the runtime calls the Metadata API answers.</summary>
public static class StateMethods
{
    [RpcMethod("state_getMetadata")]
    public static JsonNode? GetMetadata(RpcCall call)
    {
        At(call, 0);
        return RpcCall.Hex(call.Server.Runtime.Metadata);
    }

    [RpcMethod("state_getRuntimeVersion")]
    [RpcMethod("chain_getRuntimeVersion")]
    public static JsonNode? GetRuntimeVersion(RpcCall call)
    {
        At(call, 0);
        return call.Server.Runtime.RuntimeVersionJson();
    }

    /// <summary>The version on subscribe, as a real node sends it, then again after each dev_upgradeRuntime.</summary>
    [RpcMethod("state_subscribeRuntimeVersion")]
    [RpcMethod("chain_subscribeRuntimeVersion")]
    public static JsonNode? SubscribeRuntimeVersion(RpcCall call) => call.Session.Subscribe(call, id =>
    {
        var server = call.Server;
        call.Session.Notify("state_runtimeVersion", id, server.Runtime.RuntimeVersionJson());
        Action<Runtime.RuntimeProfile> onUpgrade = r => call.Session.Notify("state_runtimeVersion", id, r.RuntimeVersionJson());
        server.RuntimeUpgraded += onUpgrade;
        return () => server.RuntimeUpgraded -= onUpgrade;
    });

    [RpcMethod("state_unsubscribeRuntimeVersion")]
    [RpcMethod("chain_unsubscribeRuntimeVersion")]
    [RpcMethod("state_unsubscribeStorage")]
    public static JsonNode? Unsubscribe(RpcCall call) => call.Session.Unsubscribe(call.RequiredString(0));

    /// <summary>The block named by an optional "at" hash; an unknown hash is an error, as on a real node.</summary>
    private static DevBlock At(RpcCall call, int index)
        => Block(call, index) ?? throw new RpcError(4003, "Client error: UnknownBlock: header not found", call.OptionalString(index));

    private static DevBlock? Block(RpcCall call, int index) => ChainMethods.Block(call, index);

    [RpcMethod("state_getStorage")]
    [RpcMethod("state_getStorageAt")]
    public static JsonNode? GetStorage(RpcCall call)
    {
        var at = At(call, 1);
        return call.Server.Chain.Read(call.RequiredString(0), at) is { } value ? RpcCall.Hex(value) : null;
    }

    [RpcMethod("state_getKeysPaged")]
    [RpcMethod("state_getKeysPagedAt")]
    public static JsonNode? GetKeysPaged(RpcCall call)
    {
        string prefix = (call.OptionalString(0) ?? "0x").ToLowerInvariant();
        int count = (int)Math.Min(call.OptionalNumber(1) ?? 1000, 1000);
        string? start = call.OptionalString(2)?.ToLowerInvariant();
        var at = At(call, 3);
        var keys = at.State.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && (start is null || string.CompareOrdinal(k, start) > 0))
            .Take(count);
        return new JsonArray(keys.Select(k => (JsonNode)k).ToArray());
    }

    [RpcMethod("state_queryStorageAt")]
    public static JsonNode? QueryStorageAt(RpcCall call)
    {
        var at = At(call, 1);
        return new JsonArray(new JsonObject { ["block"] = at.HashHex, ["changes"] = Changes(call, at, Keys(call)) });
    }

    [RpcMethod("state_subscribeStorage")]
    public static JsonNode? SubscribeStorage(RpcCall call)
    {
        var keys = Keys(call);
        var chain = call.Server.Chain;
        var session = call.Session;
        return session.Subscribe(call, id =>
        {
            var last = new Dictionary<string, string?>();
            var gate = new object();
            void Send(DevBlock block, bool all)
            {
                var changed = new List<string>();
                lock (gate)
                    foreach (var key in keys)
                    {
                        string? value = chain.Read(key, block) is { } v ? DevBlock.Hex(v) : null;
                        if (all || !last.TryGetValue(key, out var before) || before != value) changed.Add(key);
                        last[key] = value;
                    }
                if (all || changed.Count > 0)
                    session.Notify("state_storage", id, new JsonObject { ["block"] = block.HashHex, ["changes"] = Changes(call, block, changed) });
            }
            Action<DevBlock> onBlock = b => Send(b, all: false);
            chain.BlockProduced += onBlock;
            Send(chain.Head, all: true);
            return () => chain.BlockProduced -= onBlock;
        });
    }

    private static List<string> Keys(RpcCall call)
        => call.Param(0) is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(k => k.GetString()!.ToLowerInvariant()).ToList() : [];

    private static JsonArray Changes(RpcCall call, DevBlock at, IEnumerable<string> keys)
        => new(keys.Select(k => (JsonNode)new JsonArray(k, call.Server.Chain.Read(k, at) is { } v ? RpcCall.Hex(v) : null)).ToArray());

    /// <summary>state_call for the Metadata runtime API; other runtime calls fail as a runtime without them would.</summary>
    [RpcMethod("state_call")]
    public static JsonNode? Call(RpcCall call)
    {
        string method = call.RequiredString(0);
        byte[] data = Convert.FromHexString((call.OptionalString(1) ?? "0x")[2..]);
        At(call, 2);
        var runtime = call.Server.Runtime;
        return method switch
        {
            "Metadata_metadata" => RpcCall.Hex(runtime.MetadataCallResult()),
            "Metadata_metadata_versions" => RpcCall.Hex(runtime.MetadataVersionsCallResult()),
            "Metadata_metadata_at_version" => RpcCall.Hex(runtime.MetadataAtVersionCallResult(data.Length == 4 ? new ScaleReader(data).U32()
                : throw RpcError.InvalidParams("Metadata_metadata_at_version takes a u32"))),
            _ => throw new RpcError(4003, "Client error: Execution failed: Other: Exported method " + method + " is not found"),
        };
    }
}

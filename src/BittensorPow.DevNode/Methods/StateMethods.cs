using System.Text.Json;
using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Methods;

/// <summary>state_*: storage, metadata, runtime version and the runtime calls the Metadata API answers.</summary>
public static class StateMethods
{
    public static void Register(MethodTable table)
    {
        table.Add("state_getStorage", GetStorage);
        table.Add("state_getStorageAt", GetStorage);
        table.Add("state_getKeysPaged", GetKeysPaged);
        table.Add("state_getKeysPagedAt", GetKeysPaged);
        table.Add("state_queryStorageAt", QueryStorageAt);
        table.Add("state_getMetadata", c => { At(c, 0); return RpcCall.Hex(c.Server.Runtime.Metadata); });
        table.Add("state_call", Call);
        table.Add("state_getRuntimeVersion", c => { At(c, 0); return c.Server.Runtime.RuntimeVersionJson(); });
        table.Add("chain_getRuntimeVersion", c => { At(c, 0); return c.Server.Runtime.RuntimeVersionJson(); });

        // The version on subscribe, as a real node sends it, then again after each dev_upgradeRuntime.
        foreach (var (sub, unsub) in new[] { ("state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion"),
            ("chain_subscribeRuntimeVersion", "chain_unsubscribeRuntimeVersion") })
        {
            table.Add(sub, c => c.Session.Subscribe(c, id =>
            {
                var server = c.Server;
                c.Session.Notify("state_runtimeVersion", id, server.Runtime.RuntimeVersionJson());
                Action<Runtime.RuntimeProfile> onUpgrade = r => c.Session.Notify("state_runtimeVersion", id, r.RuntimeVersionJson());
                server.RuntimeUpgraded += onUpgrade;
                return () => server.RuntimeUpgraded -= onUpgrade;
            }));
            table.Add(unsub, c => c.Session.Unsubscribe(c.RequiredString(0)));
        }
        table.Add("state_subscribeStorage", SubscribeStorage);
        table.Add("state_unsubscribeStorage", c => c.Session.Unsubscribe(c.RequiredString(0)));
    }

    /// <summary>The block named by an optional "at" hash; an unknown hash is an error, as on a real node.</summary>
    private static DevBlock At(RpcCall call, int index)
        => Block(call, index) ?? throw new RpcError(4003, "Client error: UnknownBlock: header not found", call.OptionalString(index));

    private static DevBlock? Block(RpcCall call, int index) => ChainMethods.Block(call, index);

    private static JsonNode? GetStorage(RpcCall call)
    {
        var at = At(call, 1);
        return call.Server.Chain.Read(call.RequiredString(0), at) is { } value ? RpcCall.Hex(value) : null;
    }

    private static JsonNode? GetKeysPaged(RpcCall call)
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

    private static JsonNode? QueryStorageAt(RpcCall call)
    {
        var at = At(call, 1);
        return new JsonArray(new JsonObject { ["block"] = at.HashHex, ["changes"] = Changes(call, at, Keys(call)) });
    }

    private static JsonNode? SubscribeStorage(RpcCall call)
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
    private static JsonNode? Call(RpcCall call)
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

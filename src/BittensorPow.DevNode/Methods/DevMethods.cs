using System.Text.Json.Nodes;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.DevNode.Transport;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.DevNode.Methods;

/// <summary>
/// dev_*: control calls for tests (never delayed by dev_setDelay). Storage changes apply to the head block at once.
/// </summary>
public static class DevMethods
{
    public static void Register(MethodTable table)
    {
        table.Add("dev_produceBlock", c =>
        {
            ulong count = Math.Clamp(c.OptionalNumber(0) ?? 1, 1, 1000);
            DevBlock last = c.Server.Chain.Head;
            for (ulong i = 0; i < count; i++) last = c.Server.Chain.ProduceBlock();
            return new JsonObject { ["number"] = last.Number, ["hash"] = last.HashHex };
        });
        table.Add("dev_setDelay", c =>
        {
            // An optional list of methods: only those are held back (a node that connects, then stops answering reads).
            c.Server.Faults.DelayedMethods = c.Param(1) is { ValueKind: System.Text.Json.JsonValueKind.Array } only
                ? only.EnumerateArray().Select(m => m.GetString() ?? "").ToHashSet(StringComparer.Ordinal) : null;
            c.Server.Faults.DelayMs = (int)Math.Min(c.OptionalNumber(0) ?? 0, int.MaxValue);
            return true;
        });
        table.Add("dev_setNotifyFirst", c => { c.Server.Faults.NotifyFirst = c.Param(0)?.GetBoolean() ?? false; return true; });
        table.Add("dev_dropConnections", c =>
        {
            // Reply first, then cut every connection: the caller learns the call worked before its socket dies.
            c.ThenDo(() => _ = Task.Delay(50).ContinueWith(_ => c.Server.DropConnections(), TaskScheduler.Default));
            return true;
        });
        table.Add("dev_sendMalformed", SendMalformed);
        table.Add("dev_setDifficulty", c =>
        {
            // Optional MinDifficulty and MaxDifficulty after D (null or absent: unchanged).
            ushort netuid = NetUid(c, 0);
            ulong difficulty = c.OptionalNumber(1) ?? throw RpcError.InvalidParams("difficulty is required");
            ulong? min = c.OptionalNumber(2), max = c.OptionalNumber(3);
            c.Server.Chain.Mutate(s =>
            {
                s = GenesisBuilder.SetDifficulty(s, netuid, difficulty);
                if (min is { } m) s = GenesisBuilder.Set(s, StorageKeys.BySubnet("MinDifficulty", netuid), GenesisBuilder.U64(m));
                return max is { } x ? GenesisBuilder.Set(s, StorageKeys.BySubnet("MaxDifficulty", netuid), GenesisBuilder.U64(x)) : s;
            });
            return true;
        });
        table.Add("dev_setPowRegistration", c =>
        {
            // An owner's switch: now (at the head), or from block atBlock on (taken as that block starts).
            ushort netuid = NetUid(c, 0);
            bool on = c.Param(1) is { ValueKind: System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False } v
                ? v.GetBoolean() : throw RpcError.InvalidParams("the second parameter (on) must be true or false");
            ulong? at = c.OptionalNumber(2);
            if (at is { } block && block > c.Server.Chain.Head.Number) c.Server.PowSwitches.Add(new PowSwitch(netuid, on, block));
            else c.Server.Chain.Mutate(s => GenesisBuilder.Set(s, StorageKeys.BySubnet("NetworkPowRegistrationAllowed", netuid),
                [on ? (byte)1 : (byte)0]));
            return true;
        });
        table.Add("dev_register", c =>
        {
            ushort netuid = NetUid(c, 0);
            byte[] hotkey = Ss58.TryDecode(c.RequiredString(1), null, out var key, out var error) ? key! : throw RpcError.InvalidParams(error!);
            c.Server.Chain.Mutate(s => GenesisBuilder.Register(s, netuid, hotkey));
            return true;
        });
        table.Add("dev_setBalance", c =>
        {
            byte[] account = Ss58.TryDecode(c.RequiredString(0), null, out var key, out var error) ? key! : throw RpcError.InvalidParams(error!);
            ulong rao = c.OptionalNumber(1) ?? throw RpcError.InvalidParams("the balance (rao) is required");
            c.Server.Chain.Mutate(s =>
            {
                var overlay = new StateOverlay(c.Server.Runtime.Decoded, s);
                Accounts.SetFree(overlay, account, rao);
                return overlay.State;
            });
            return true;
        });
        table.Add("dev_upgradeRuntime", c =>
        {
            ulong spec = c.OptionalNumber(0) is { } n && n <= uint.MaxValue ? n : throw RpcError.InvalidParams("the spec version (u32) is required");
            Runtime.RuntimeProfile runtime;
            uint? txVersion = c.OptionalNumber(2) is { } t
                ? (t <= uint.MaxValue ? (uint)t : throw RpcError.InvalidParams("the transaction version is a u32"))
                : null;
            try { runtime = c.Server.UpgradeRuntime((uint)spec, c.OptionalString(1), txVersion); }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw RpcError.InvalidParams(e.Message);
            }
            return new JsonObject
            {
                ["specVersion"] = runtime.SpecVersion, ["metadata"] = runtime.FileName, ["metadataVersion"] = runtime.MetadataVersion
            };
        });
        table.Add("dev_connectionStats", c => new JsonObject { ["accepted"] = c.Server.ConnectionsAccepted, ["open"] = c.Server.ConnectionCount });
        table.Add("dev_callCounts", c =>
        {
            var counts = new JsonObject();
            foreach (var (method, n) in c.Server.Methods.CallCounts.OrderBy(p => p.Key, StringComparer.Ordinal)) counts[method] = n;
            return counts;
        });
        table.Add("dev_dispatchFailures", c => new JsonArray(c.Server.DispatchFailures.All
            .Select(f => (JsonNode)new JsonObject { ["block"] = f.Block, ["call"] = f.Call, ["error"] = f.Error }).ToArray()));
        table.Add("dev_setStorage", c =>
        {
            string key = c.RequiredString(0).ToLowerInvariant();
            string? value = c.OptionalString(1);
            c.Server.Chain.Mutate(s => value is null ? s.Remove(key) : s.SetItem(key, Convert.FromHexString(value[2..])));
            return true;
        });
    }

    /// <summary>
    /// Sends broken messages before the reply: text that is not JSON, JSON that is not JSON-RPC, a reply to an id
    /// nobody asked, and a notification for an unknown subscription, the first in tiny frames. A sound client
    /// ignores them all and still gets this call's reply.
    /// </summary>
    private static JsonNode? SendMalformed(RpcCall call)
    {
        var s = call.Session;
        s.SendRawText("{\"jsonrpc\":\"2.0\",\"id\":", splitIntoSmallFrames: true);
        s.SendRawText("this is not json");
        s.SendRawText("[1,2,3]");
        s.SendRawText("{\"jsonrpc\":\"2.0\",\"id\":987654321,\"result\":\"nobody asked\"}");
        s.SendRawText("{\"jsonrpc\":\"2.0\",\"method\":\"chain_newHead\",\"params\":{\"subscription\":\"nosuchsub\",\"result\":{}}}");
        return true;
    }

    private static ushort NetUid(RpcCall c, int i)
        => c.OptionalNumber(i) is { } n && n <= ushort.MaxValue ? (ushort)n : throw RpcError.InvalidParams("netuid must be a u16");
}

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
    [RpcMethod("dev_produceBlock")]
    public static JsonNode? ProduceBlock(RpcCall call)
    {
        ulong count = Math.Clamp(call.OptionalNumber(0) ?? 1, 1, 1000);
        DevBlock last = call.Server.Chain.Head;
        for (ulong i = 0; i < count; i++) last = call.Server.Chain.ProduceBlock();
        return new JsonObject { ["number"] = last.Number, ["hash"] = last.HashHex };
    }

    [RpcMethod("dev_setDelay")]
    public static JsonNode? SetDelay(RpcCall call)
    {
        // An optional list of methods: only those are held back (a node that connects, then stops answering reads).
        call.Server.Faults.DelayedMethods = call.Param(1) is { ValueKind: System.Text.Json.JsonValueKind.Array } only
            ? only.EnumerateArray().Select(m => m.GetString() ?? "").ToHashSet(StringComparer.Ordinal) : null;
        call.Server.Faults.DelayMs = (int)Math.Min(call.OptionalNumber(0) ?? 0, int.MaxValue);
        return true;
    }

    [RpcMethod("dev_setNotifyFirst")]
    public static JsonNode? SetNotifyFirst(RpcCall call)
    {
        call.Server.Faults.NotifyFirst = call.Param(0)?.GetBoolean() ?? false;
        return true;
    }

    [RpcMethod("dev_dropConnections")]
    public static JsonNode? DropConnections(RpcCall call)
    {
        // Reply first, then cut every connection: the caller learns the call worked before its socket dies.
        call.ThenDo(() => _ = Task.Delay(50).ContinueWith(_ => call.Server.DropConnections(), TaskScheduler.Default));
        return true;
    }

    [RpcMethod("dev_setDifficulty")]
    public static JsonNode? SetDifficulty(RpcCall call)
    {
        // Optional MinDifficulty and MaxDifficulty after D (null or absent: unchanged).
        ushort netuid = NetUid(call, 0);
        ulong difficulty = call.OptionalNumber(1) ?? throw RpcError.InvalidParams("difficulty is required");
        ulong? min = call.OptionalNumber(2), max = call.OptionalNumber(3);
        call.Server.Chain.Mutate(s =>
        {
            s = GenesisBuilder.SetDifficulty(s, netuid, difficulty);
            if (min is { } m) s = GenesisBuilder.Set(s, StorageKeys.BySubnet("MinDifficulty", netuid), GenesisBuilder.U64(m));
            return max is { } x ? GenesisBuilder.Set(s, StorageKeys.BySubnet("MaxDifficulty", netuid), GenesisBuilder.U64(x)) : s;
        });
        return true;
    }

    [RpcMethod("dev_setPowRegistration")]
    public static JsonNode? SetPowRegistration(RpcCall call)
    {
        // An owner's switch: now (at the head), or from block atBlock on (taken as that block starts).
        ushort netuid = NetUid(call, 0);
        bool on = call.Param(1) is { ValueKind: System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False } v
            ? v.GetBoolean() : throw RpcError.InvalidParams("the second parameter (on) must be true or false");
        ulong? at = call.OptionalNumber(2);
        if (at is { } block && block > call.Server.Chain.Head.Number) call.Server.PowSwitches.Add(new PowSwitch(netuid, on, block));
        else call.Server.Chain.Mutate(s => GenesisBuilder.Set(s, StorageKeys.BySubnet("NetworkPowRegistrationAllowed", netuid),
            [on ? (byte)1 : (byte)0]));
        return true;
    }

    [RpcMethod("dev_register")]
    public static JsonNode? Register(RpcCall call)
    {
        ushort netuid = NetUid(call, 0);
        byte[] hotkey = Ss58.TryDecode(call.RequiredString(1), null, out var key, out var error) ? key! : throw RpcError.InvalidParams(error!);
        call.Server.Chain.Mutate(s => GenesisBuilder.Register(s, netuid, hotkey));
        return true;
    }

    [RpcMethod("dev_setBalance")]
    public static JsonNode? SetBalance(RpcCall call)
    {
        byte[] account = Ss58.TryDecode(call.RequiredString(0), null, out var key, out var error) ? key! : throw RpcError.InvalidParams(error!);
        ulong rao = call.OptionalNumber(1) ?? throw RpcError.InvalidParams("the balance (rao) is required");
        call.Server.Chain.Mutate(s =>
        {
            var overlay = new StateOverlay(call.Server.Runtime.Decoded, s);
            Accounts.SetFree(overlay, account, rao);
            return overlay.State;
        });
        return true;
    }

    [RpcMethod("dev_upgradeRuntime")]
    public static JsonNode? UpgradeRuntime(RpcCall call)
    {
        ulong spec = call.OptionalNumber(0) is { } n && n <= uint.MaxValue ? n : throw RpcError.InvalidParams("the spec version (u32) is required");
        Runtime.RuntimeProfile runtime;
        uint? txVersion = call.OptionalNumber(2) is { } t
            ? (t <= uint.MaxValue ? (uint)t : throw RpcError.InvalidParams("the transaction version is a u32"))
            : null;
        try { runtime = call.Server.UpgradeRuntime((uint)spec, call.OptionalString(1), txVersion); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw RpcError.InvalidParams(e.Message);
        }
        return new JsonObject
        {
            ["specVersion"] = runtime.SpecVersion, ["metadata"] = runtime.FileName, ["metadataVersion"] = runtime.MetadataVersion
        };
    }

    [RpcMethod("dev_connectionStats")]
    public static JsonNode? ConnectionStats(RpcCall call)
        => new JsonObject { ["accepted"] = call.Server.ConnectionsAccepted, ["open"] = call.Server.ConnectionCount };

    [RpcMethod("dev_callCounts")]
    public static JsonNode? CallCounts(RpcCall call)
    {
        var counts = new JsonObject();
        foreach (var (method, n) in call.Server.Methods.CallCounts.OrderBy(p => p.Key, StringComparer.Ordinal)) counts[method] = n;
        return counts;
    }

    [RpcMethod("dev_dispatchFailures")]
    public static JsonNode? DispatchFailures(RpcCall call) => new JsonArray(call.Server.DispatchFailures.All
        .Select(f => (JsonNode)new JsonObject { ["block"] = f.Block, ["call"] = f.Call, ["error"] = f.Error }).ToArray());

    [RpcMethod("dev_setStorage")]
    public static JsonNode? SetStorage(RpcCall call)
    {
        string key = call.RequiredString(0).ToLowerInvariant();
        string? value = call.OptionalString(1);
        call.Server.Chain.Mutate(s => value is null ? s.Remove(key) : s.SetItem(key, Convert.FromHexString(value[2..])));
        return true;
    }

    /// <summary>
    /// Sends broken messages before the reply: text that is not JSON, JSON that is not JSON-RPC, a reply to an id
    /// nobody asked, and a notification for an unknown subscription, the first in tiny frames. A sound client
    /// ignores them all and still gets this call's reply.
    /// </summary>
    [RpcMethod("dev_sendMalformed")]
    public static JsonNode? SendMalformed(RpcCall call)
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

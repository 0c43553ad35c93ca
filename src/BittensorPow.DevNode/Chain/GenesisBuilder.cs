using System.Collections.Immutable;
using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// Writes the genesis storage the options describe, with the values SCALE-encoded as the runtime stores them.
/// Items left out read as null, so clients must fall back to the metadata defaults, as against a real node.
/// </summary>
public static class GenesisBuilder
{
    public static ImmutableSortedDictionary<string, byte[]> Build(DevNodeOptions options)
    {
        var state = ImmutableSortedDictionary.Create<string, byte[]>(StringComparer.Ordinal);
        // The root subnet exists on every real chain and PoW registration on it is refused.
        state = Set(state, StorageKeys.BySubnet("NetworksAdded", 0), [1]);
        foreach (var subnet in options.Subnets) state = AddSubnet(state, subnet);
        foreach (var hotkey in options.Registered) state = Register(state, hotkey.NetUid, hotkey.Hotkey);
        return state;
    }

    /// <summary>Genesis balances; AccountInfo's layout differs between runtimes, so it is written by the metadata's type.</summary>
    public static ImmutableSortedDictionary<string, byte[]> Endow(ImmutableSortedDictionary<string, byte[]> state, RuntimeMetadata metadata,
        IEnumerable<Endowment> endowments)
    {
        var overlay = new StateOverlay(metadata, state);
        foreach (var e in endowments) Accounts.SetFree(overlay, e.Account, e.Rao);
        return overlay.State;
    }

    public static ImmutableSortedDictionary<string, byte[]> AddSubnet(ImmutableSortedDictionary<string, byte[]> state, SubnetSpec subnet)
    {
        state = Set(state, StorageKeys.BySubnet("NetworksAdded", subnet.NetUid), [1]);
        state = SetDifficulty(state, subnet.NetUid, subnet.Difficulty);
        state = Set(state, StorageKeys.BySubnet("NetworkPowRegistrationAllowed", subnet.NetUid), [subnet.PowRegistrationAllowed ? (byte)1 : (byte)0]);
        state = Set(state, StorageKeys.BySubnet("NetworkRegistrationAllowed", subnet.NetUid), [subnet.RegistrationAllowed ? (byte)1 : (byte)0]);
        return Set(state, StorageKeys.BySubnet("SubnetworkN", subnet.NetUid), new ScaleWriter().U16(0).ToArray());
    }

    public static ImmutableSortedDictionary<string, byte[]> SetDifficulty(ImmutableSortedDictionary<string, byte[]> state, ushort netuid, ulong difficulty)
        => Set(state, StorageKeys.BySubnet("Difficulty", netuid), new ScaleWriter().U64(difficulty).ToArray());

    /// <summary>Registers a hotkey the way the pallet records it: Uids, Keys, IsNetworkMember and SubnetworkN. Idempotent.</summary>
    public static ImmutableSortedDictionary<string, byte[]> Register(ImmutableSortedDictionary<string, byte[]> state, ushort netuid, byte[] hotkey)
    {
        if (state.ContainsKey(StorageKeys.Hex(StorageKeys.Uids(netuid, hotkey)))) return state;
        var countKey = StorageKeys.Hex(StorageKeys.BySubnet("SubnetworkN", netuid));
        ushort uid = state.TryGetValue(countKey, out var n) ? new ScaleReader(n).U16() : (ushort)0;
        state = Set(state, StorageKeys.Uids(netuid, hotkey), new ScaleWriter().U16(uid).ToArray());
        state = Set(state, StorageKeys.Keys(netuid, uid), hotkey);
        state = Set(state, StorageKeys.IsNetworkMember(hotkey, netuid), [1]);
        return state.SetItem(countKey, new ScaleWriter().U16((ushort)(uid + 1)).ToArray());
    }

    public static ImmutableSortedDictionary<string, byte[]> Set(ImmutableSortedDictionary<string, byte[]> state, byte[] key, byte[] value)
        => state.SetItem(StorageKeys.Hex(key), value);
}

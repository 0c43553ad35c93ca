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
        foreach (var subnet in options.Subnets) state = AddSubnet(state, subnet, options);
        if (options.SudoKey is { } sudo) state = Set(state, [.. StorageKeys.Prefix("Sudo", "Key")], sudo);
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

    /// <summary>
    /// A subnet's genesis items. With a PoW switch block the subnet starts with the opposite of its PoW setting
    /// (<see cref="PowSwitches"/> says when it flips). Min/MaxDifficulty and SubnetOwner are written only when given
    /// (or, under the finney defaults, MinDifficulty = D for D &lt; 10^7, at most max=), so absent ones read as metadata defaults.
    /// </summary>
    public static ImmutableSortedDictionary<string, byte[]> AddSubnet(ImmutableSortedDictionary<string, byte[]> state, SubnetSpec subnet,
        DevNodeOptions? options = null)
    {
        bool powAtGenesis = subnet.PowSwitchBlock is null ? subnet.PowRegistrationAllowed : !subnet.PowRegistrationAllowed;
        state = Set(state, StorageKeys.BySubnet("NetworksAdded", subnet.NetUid), [1]);
        state = SetDifficulty(state, subnet.NetUid, subnet.Difficulty);
        state = Set(state, StorageKeys.BySubnet("NetworkPowRegistrationAllowed", subnet.NetUid), [powAtGenesis ? (byte)1 : (byte)0]);
        state = Set(state, StorageKeys.BySubnet("NetworkRegistrationAllowed", subnet.NetUid), [subnet.RegistrationAllowed ? (byte)1 : (byte)0]);
        // The finney floor follows a test difficulty down, but not above an explicit max= (so max= still caps).
        ulong? min = subnet.MinDifficulty ?? (options?.FinneyPowDefaults == true && subnet.Difficulty < FinneyMinDifficulty
            ? Math.Min(subnet.Difficulty, subnet.MaxDifficulty ?? subnet.Difficulty) : null);
        if (min is { } m) state = Set(state, StorageKeys.BySubnet("MinDifficulty", subnet.NetUid), U64(m));
        if (subnet.MaxDifficulty is { } x) state = Set(state, StorageKeys.BySubnet("MaxDifficulty", subnet.NetUid), U64(x));
        if ((subnet.Owner ?? options?.SudoKey) is { } owner) state = Set(state, StorageKeys.BySubnet("SubnetOwner", subnet.NetUid), owner);
        return Set(state, StorageKeys.BySubnet("SubnetworkN", subnet.NetUid), new ScaleWriter().U16(0).ToArray());
    }

    public static byte[] U64(ulong value) => new ScaleWriter().U64(value).ToArray();

    /// <summary>The chain's default MinDifficulty (10^7): below it a finney --subnet difficulty becomes the floor too.</summary>
    public const ulong FinneyMinDifficulty = 10_000_000;

    /// <summary>The PoW switches the subnets' pow=…@B flags schedule.</summary>
    public static IEnumerable<Execution.PowSwitch> PowSwitches(DevNodeOptions options)
        => options.Subnets.Where(s => s.PowSwitchBlock is not null)
            .Select(s => new Execution.PowSwitch(s.NetUid, s.PowRegistrationAllowed, s.PowSwitchBlock!.Value));

    public static ImmutableSortedDictionary<string, byte[]> SetDifficulty(
        ImmutableSortedDictionary<string, byte[]> state, ushort netuid, ulong difficulty)
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

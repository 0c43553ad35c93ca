using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using BittensorPow.Subtensor.Storage;

namespace BittensorPow.DevNode.Chain;

/// <summary>The storage keys the DevNode fills (SPEC §4): twox128(pallet) ‖ twox128(item) ‖ hashed map keys.</summary>
public static class StorageKeys
{
    public const string Subtensor = "SubtensorModule";

    public static byte[] Prefix(string pallet, string item) => StorageKey.Prefix(pallet, item);

    public static byte[] Identity(ReadOnlySpan<byte> key) => StorageKey.Hash(StorageHasher.Identity, key);
    public static byte[] Blake2_128Concat(ReadOnlySpan<byte> key) => StorageKey.Hash(StorageHasher.Blake2_128Concat, key);
    public static byte[] NetUid(ushort netuid) => new ScaleWriter().U16(netuid).ToArray();

    /// <summary>SubtensorModule items keyed by Identity(netuid): NetworksAdded, Difficulty, SubnetworkN...</summary>
    public static byte[] BySubnet(string item, ushort netuid) => [.. Prefix(Subtensor, item), .. Identity(NetUid(netuid))];

    public static byte[] Uids(ushort netuid, ReadOnlySpan<byte> hotkey) => [.. BySubnet("Uids", netuid), .. Blake2_128Concat(hotkey)];

    public static byte[] IsNetworkMember(ReadOnlySpan<byte> hotkey, ushort netuid)
        => [.. Prefix(Subtensor, "IsNetworkMember"), .. Blake2_128Concat(hotkey), .. Identity(NetUid(netuid))];

    /// <summary>Keys(netuid, uid) → hotkey, the reverse index of Uids.</summary>
    public static byte[] Keys(ushort netuid, ushort uid) => [.. BySubnet("Keys", netuid), .. new ScaleWriter().U16(uid).ToArray()];

    public static byte[] SystemAccount(ReadOnlySpan<byte> account) => [.. Prefix("System", "Account"), .. Blake2_128Concat(account)];

    public static string Hex(ReadOnlySpan<byte> key) => DevBlock.Hex(key);
}

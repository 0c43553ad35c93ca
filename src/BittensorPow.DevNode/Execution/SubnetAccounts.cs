using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// A subnet's system account: <c>SubtensorPalletId.into_sub_account_truncating(netuid)</c>, i.e. "modl" ‖ the
/// 8-byte pallet id ‖ u16_le(netuid) ‖ zeros (sp_runtime's sub-account layout). <c>is_subnet_account_id</c> accepts
/// any account of that shape, whatever the netuid; the pallet id comes from the runtime's SubtensorPalletId constant.
/// </summary>
public static class SubnetAccounts
{
    public static byte[] For(ReadOnlySpan<byte> palletId, ushort netuid)
    {
        var account = new byte[32];
        "modl"u8.CopyTo(account);
        palletId.CopyTo(account.AsSpan(4));
        account[12] = (byte)netuid;
        account[13] = (byte)(netuid >> 8);
        return account;
    }

    /// <summary>The runtime's SubtensorPalletId (8 bytes), or null when its metadata has no such constant.</summary>
    public static byte[]? PalletId(RuntimeMetadata metadata)
        => metadata.TryGetPallet(SubtensorPallet.Name)?.Constants.FirstOrDefault(k => k.Name == "SubtensorPalletId")?.Value;

    public static bool IsSubnetAccount(RuntimeMetadata metadata, ReadOnlySpan<byte> account)
        => PalletId(metadata) is { Length: 8 } id && account.Length == 32 && account[..4].SequenceEqual("modl"u8)
            && account[4..12].SequenceEqual(id) && !account[14..].ContainsAnyExcept((byte)0);
}

using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The pallet's two steps every registration path shares: <c>create_account_if_non_existent</c> (a hotkey seen for
/// the first time gets its Owner and joins the coldkey's OwnedHotkeys and StakingHotkeys) and <c>append_neuron</c>
/// (Uids, Keys, IsNetworkMember, SubnetworkN, BlockAtRegistration). Items a runtime's metadata lacks are skipped.
/// </summary>
public static class NeuronRegistry
{
    private const string Pallet = SubtensorPallet.Name;

    public static byte[] U16(ulong v) => new ScaleWriter().U16(checked((ushort)v)).ToArray();

    /// <summary>The number of entries of a Vec item (OwnedHotkeys, StakingHotkeys) for an account; 0 when the runtime has no such item.</summary>
    public static int Count(StateOverlay s, string item, byte[] account)
        => s.Has(Pallet, item) ? ((ScaleSequence)s.Get(Pallet, item, account)!).Items.Count : 0;

    public static void CreateAccountIfNonExistent(StateOverlay s, byte[] coldkey, byte[] hotkey)
    {
        if (s.Contains(Pallet, "Owner", hotkey)) return;
        s.Set(Pallet, "Owner", new ScaleBytes(coldkey), hotkey);
        foreach (var item in new[] { "OwnedHotkeys", "StakingHotkeys" })
        {
            if (!s.Has(Pallet, item)) continue;
            var list = ((ScaleSequence)s.Get(Pallet, item, coldkey)!).Items;
            if (list.Any(k => k.AsBytes().AsSpan().SequenceEqual(hotkey))) continue;
            s.Set(Pallet, item, new ScaleSequence([.. list, new ScaleBytes(hotkey)]), coldkey);
        }
    }

    /// <summary>append_neuron at uid SubnetworkN; a full subnet is NoNeuronIdAvailable (pruning is not modelled).</summary>
    public static ushort Append(DispatchContext c, ushort netuid, byte[] hotkey)
    {
        var s = c.State;
        ulong max = s.GetNumber(Pallet, "MaxAllowedUids", U16(netuid));
        ulong n = s.GetNumber(Pallet, "SubnetworkN", U16(netuid));
        if (max == 0 || n >= max) throw new PalletError(Pallet, "NoNeuronIdAvailable");
        s.SetNumber(Pallet, "Uids", n, U16(netuid), hotkey);
        s.Set(Pallet, "Keys", new ScaleBytes(hotkey), U16(netuid), U16(n));
        s.Set(Pallet, "IsNetworkMember", new ScaleBool(true), hotkey, U16(netuid));
        s.SetNumber(Pallet, "SubnetworkN", n + 1, U16(netuid));
        if (s.Has(Pallet, "BlockAtRegistration")) s.SetNumber(Pallet, "BlockAtRegistration", c.BlockNumber, U16(netuid), U16(n));
        return (ushort)n;
    }
}

using BittensorPow.Subtensor.Metadata;
using static BittensorPow.DevNode.Execution.NeuronRegistry;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// What the runtime does for PoW as each block starts (on_initialize): the owner switches due now take effect, then,
/// in a runtime with pow_register, every non-root subnet's Difficulty decays by its BurnHalfLife and is clamped again, whether its PoW
/// registration is on or off (SPEC §10). RegistrationsThisBlock is cleared by the runtime for every profile.
/// </summary>
public static class PowBlockStep
{
    private const string Pallet = SubtensorPallet.Name;

    /// <summary>Applies the due switches; with <paramref name="decay"/> (runtimes with pow_register) decays every difficulty.</summary>
    public static void Run(StateOverlay s, ulong blockNumber, IEnumerable<PowSwitch> due, bool decay)
    {
        foreach (var change in due) s.Set(Pallet, "NetworkPowRegistrationAllowed", new ScaleBool(change.On), U16(change.NetUid));
        if (!decay) return;
        foreach (ushort netuid in Subnets(s))
        {
            if (netuid == 0) continue;
            byte[] key = U16(netuid);
            ulong before = s.GetNumber(Pallet, "Difficulty", key);
            ulong after = PowDifficulty.Decay(before, checked((ushort)s.GetNumber(Pallet, "BurnHalfLife", key)), blockNumber,
                s.GetNumber(Pallet, "MinDifficulty", key), s.GetNumber(Pallet, "MaxDifficulty", key));
            if (after != before) s.SetNumber(Pallet, "Difficulty", after, key);
        }
    }

    /// <summary>NetworksAdded's keys (Identity(netuid)) whose value is true.</summary>
    public static IEnumerable<ushort> Subnets(StateOverlay s)
        => s.MapKeys(Pallet, "NetworksAdded")
            .Where(k => k.Length == 2)
            .Select(k => (ushort)(k[0] | k[1] << 8))
            .Where(n => s.GetBool(Pallet, "NetworksAdded", U16(n)))
            .ToList();
}

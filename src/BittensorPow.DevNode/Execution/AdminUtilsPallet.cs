using BittensorPow.Subtensor.Metadata;
using static BittensorPow.DevNode.Execution.NeuronRegistry;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The AdminUtils setters a PoW test needs, with the origins subtensor gives them: the registration switches
/// (root or the subnet owner; from spec 475 neither may leave both kinds of registration off, InvalidValue), the
/// MaxDifficulty ceiling (root or owner) and Difficulty / MinDifficulty (root). Each deposits SubtensorModule's event.
/// Other AdminUtils calls fail with DispatchError::Other.
/// </summary>
public static class AdminUtilsPallet
{
    public const string Name = "AdminUtils";
    private const string Subtensor = SubtensorPallet.Name;

    public static void Dispatch(DispatchContext c, ScaleVariant call)
    {
        ushort netuid = call["netuid"].AsUInt16();
        switch (call.Name)
        {
            case "sudo_set_network_pow_registration_allowed":
                SetSwitch(c, OwnerOrRoot(c, netuid, call), "NetworkPowRegistrationAllowed", "NetworkRegistrationAllowed", "PowRegistrationAllowed");
                break;
            case "sudo_set_network_registration_allowed":
                SetSwitch(c, OwnerOrRoot(c, netuid, call), "NetworkRegistrationAllowed", "NetworkPowRegistrationAllowed", "RegistrationAllowed");
                break;
            case "sudo_set_max_difficulty": SetU64(c, OwnerOrRoot(c, netuid, call), "max_difficulty", "MaxDifficulty", "MaxDifficultySet"); break;
            case "sudo_set_min_difficulty": SetU64(c, Root(c, netuid, call), "min_difficulty", "MinDifficulty", "MinDifficultySet"); break;
            case "sudo_set_difficulty": SetU64(c, Root(c, netuid, call), "difficulty", "Difficulty", "DifficultySet"); break;
            default: throw new NotSupportedException($"AdminUtils.{call.Name} is not executed by the DevNode; it fails with DispatchError::Other.");
        }
    }

    /// <summary>One of the two registration switches: turning it off is refused while the other one is off too.</summary>
    private static void SetSwitch(DispatchContext c, ScaleVariant call, string item, string other, string eventName)
    {
        ushort netuid = call["netuid"].AsUInt16();
        bool on = call["registration_allowed"].AsBool();
        Ensure(on || c.State.GetBool(Subtensor, other, U16(netuid)), "InvalidValue");
        c.State.Set(Subtensor, item, new ScaleBool(on), U16(netuid));
        c.Deposit(Subtensor, eventName, new ScaleNumber(netuid), new ScaleBool(on));
    }

    private static void SetU64(DispatchContext c, ScaleVariant call, string argument, string item, string eventName)
    {
        ushort netuid = call["netuid"].AsUInt16();
        ulong value = call[argument].AsUInt64();
        c.State.SetNumber(Subtensor, item, value, U16(netuid));
        c.Deposit(Subtensor, eventName, new ScaleNumber(netuid), new ScaleNumber(value));
    }

    /// <summary>ensure_subnet_owner_or_root, then the subnet must exist.</summary>
    private static ScaleVariant OwnerOrRoot(DispatchContext c, ushort netuid, ScaleVariant call)
    {
        if (!c.IsRoot && !c.State.Get(Subtensor, "SubnetOwner", U16(netuid))!.AsBytes().AsSpan().SequenceEqual(c.Signer))
            throw new BadOrigin($"{Name}.{call.Name}");
        return Exists(c, netuid, call);
    }

    private static ScaleVariant Root(DispatchContext c, ushort netuid, ScaleVariant call)
        => c.IsRoot ? Exists(c, netuid, call) : throw new BadOrigin($"{Name}.{call.Name}");

    private static ScaleVariant Exists(DispatchContext c, ushort netuid, ScaleVariant call)
    {
        Ensure(c.State.GetBool(Subtensor, "NetworksAdded", U16(netuid)), "SubnetDoesNotExist");
        return call;
    }

    private static void Ensure(bool condition, string error)
    {
        if (!condition) throw new PalletError(Name, error);
    }
}

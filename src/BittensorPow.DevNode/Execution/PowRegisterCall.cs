using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Metadata;
using static BittensorPow.DevNode.Execution.NeuronRegistry;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// SubtensorModule.pow_register(netuid, work_block, nonce, work, hotkey), signed by the coldkey, fee-free (SPEC §10).
/// <see cref="Check"/> is the pallet's <c>check_pow_registration</c>: the same checks in the same order run in the
/// transaction pool (<see cref="PowRegisterValidity"/>), again when a block builder applies the transaction, and at
/// dispatch. <see cref="Dispatch"/> then registers atomically (a failure rolls everything back).
/// </summary>
public static class PowRegisterCall
{
    private const string Pallet = SubtensorPallet.Name;

    /// <summary>Work on block W is valid in blocks W+1 … W+<see cref="MaxWorkAge"/>.</summary>
    public const ulong MaxWorkAge = 5;

    /// <summary>crate::MAX_STAKING_HOTKEYS: a new hotkey needs room under this many in OwnedHotkeys and StakingHotkeys.</summary>
    public const int MaxStakingHotkeys = 256;

    /// <summary>The call's arguments as decoded by the metadata.</summary>
    public sealed record Args(ushort NetUid, ulong WorkBlock, ulong Nonce, byte[] Work, byte[] Hotkey)
    {
        public static Args From(ScaleVariant call) => new(call["netuid"].AsUInt16(), call["work_block"].AsUInt64(),
            call["nonce"].AsUInt64(), call["work"].AsBytes(), call["hotkey"].AsBytes());
    }

    public static bool Is(ScaleVariant runtimeCall)
        => runtimeCall.Name == Pallet && runtimeCall.Fields[0].Value is ScaleVariant { Name: Finney475Patch.CallName };

    /// <summary>check_pow_registration for a transaction executing in block <see cref="DispatchContext.BlockNumber"/>.</summary>
    public static void Check(DispatchContext c, byte[] coldkey, Args a)
    {
        var s = c.State;
        byte[] netuid = U16(a.NetUid);
        ulong now = c.BlockNumber;
        Ensure(a.NetUid != 0, "RegistrationNotPermittedOnRootSubnet");
        Ensure(s.GetBool(Pallet, "NetworksAdded", netuid), "SubnetNotExists");
        // Only the PoW switch: burned registration has its own (NetworkRegistrationAllowed).
        Ensure(s.GetBool(Pallet, "NetworkPowRegistrationAllowed", netuid), "SubNetRegistrationDisabled");
        Ensure(!s.Contains(Pallet, "Uids", netuid, a.Hotkey), "HotKeyAlreadyRegisteredInSubNet");
        Ensure(s.GetNumber(Pallet, "MaxAllowedUids", netuid) != 0, "NoNeuronIdAvailable");
        Ensure(s.GetNumber(Pallet, "RegistrationsThisBlock", netuid) < s.GetNumber(Pallet, "MaxRegistrationsPerBlock", netuid),
            "TooManyRegistrationsThisBlock");
        Ensure(a.WorkBlock < now && now - a.WorkBlock <= MaxWorkAge, "InvalidWorkBlock");
        // The replay watermark is per hotkey across every subnet.
        Ensure(s.Get(Pallet, "LastPowRegistrationBlock", a.Hotkey) is not { } last || a.WorkBlock > last.AsUInt64(), "InvalidWorkBlock");
        byte[] blockHash = c.BlockHash(a.WorkBlock);
        Ensure(blockHash.Any(b => b != 0), "InvalidWorkBlock");
        Ensure(a.Work.AsSpan().SequenceEqual(PowRegisterSeal.Compute(a.NetUid, blockHash, a.Hotkey, coldkey, a.Nonce)), "InvalidSeal");
        Ensure(PowRegisterSeal.MeetsDifficulty(a.Work, EffectiveDifficulty(s, a.NetUid)), "InvalidDifficulty");
        if (c.Runtime.Decoded.TryGetError(Pallet, "CannotUseSystemAccount") is not null)
            Ensure(!SubnetAccounts.IsSubnetAccount(c.Runtime.Decoded, a.Hotkey), "CannotUseSystemAccount");
        Ensure(!s.Contains(Pallet, "Owner", a.Hotkey) || s.Get(Pallet, "Owner", a.Hotkey)!.AsBytes().AsSpan().SequenceEqual(coldkey),
            "NonAssociatedColdKey");
        if (!s.Contains(Pallet, "Owner", a.Hotkey))
            Ensure(Count(s, "OwnedHotkeys", coldkey) < MaxStakingHotkeys && Count(s, "StakingHotkeys", coldkey) < MaxStakingHotkeys,
                "TooManyStakingHotkeys");
    }

    /// <summary>do_pow_register: the checks again, then the account, the neuron, the difficulty bump, the watermark.</summary>
    public static void Dispatch(DispatchContext c, ScaleVariant call)
    {
        var a = Args.From(call);
        byte[] coldkey = c.Signer;
        Check(c, coldkey, a);
        var s = c.State;
        byte[] netuid = U16(a.NetUid);
        CreateAccountIfNonExistent(s, coldkey, a.Hotkey);
        ushort uid = Append(c, a.NetUid, a.Hotkey);
        s.SetNumber(Pallet, "Difficulty", PowDifficulty.Bump(EffectiveDifficulty(s, a.NetUid),
            s.Get(Pallet, "BurnIncreaseMult", netuid)!.AsBigInteger(),
            s.GetNumber(Pallet, "MinDifficulty", netuid), s.GetNumber(Pallet, "MaxDifficulty", netuid)), netuid);
        s.SetNumber(Pallet, "LastPowRegistrationBlock", a.WorkBlock, a.Hotkey);
        s.Increment(Pallet, "RegistrationsThisBlock", netuid);
        c.Deposit(Pallet, "NeuronRegistered", new ScaleNumber(a.NetUid), new ScaleNumber(uid), new ScaleBytes(a.Hotkey));
    }

    /// <summary>Difficulty(netuid) within [max(MinDifficulty, 1), max(MaxDifficulty, that)].</summary>
    public static ulong EffectiveDifficulty(StateOverlay s, ushort netuid)
    {
        byte[] key = U16(netuid);
        return PowDifficulty.Effective(s.GetNumber(Pallet, "Difficulty", key), s.GetNumber(Pallet, "MinDifficulty", key),
            s.GetNumber(Pallet, "MaxDifficulty", key));
    }

    private static void Ensure(bool condition, string error)
    {
        if (!condition) throw new PalletError(Pallet, error);
    }
}

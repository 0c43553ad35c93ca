using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.DevNode.Execution.NeuronRegistry;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// SubtensorModule's registration calls, checked in the pallet's order with the pallet's error names
/// (subnets/registration.rs: do_registration, do_burned_registration, do_register_limit, do_faucet). Simplifications:
/// a full subnet fails with NoNeuronIdAvailable instead of pruning a neuron; registration intervals never roll over.
/// </summary>
public static class SubtensorPallet
{
    public const string Name = "SubtensorModule";
    /// <summary>do_faucet's fixed difficulty and payout (1000 TAO).</summary>
    public const ulong FaucetDifficulty = 1_000_000, FaucetAmount = 1_000_000_000_000;

    private static void Ensure(bool condition, string error)
    {
        if (!condition) throw new PalletError(Name, error);
    }

    /// <summary>register(netuid, block_number, nonce, work, hotkey, coldkey); from spec 397 a burned registration paid by the signer.</summary>
    public static void Register(DispatchContext c, ScaleVariant call)
    {
        ushort netuid = call["netuid"].AsUInt16();
        byte[] hotkey = call["hotkey"].AsBytes();
        if (c.Runtime.RegisterBurns) { BurnedRegister(c, netuid, hotkey); return; }

        ulong blockNumber = call["block_number"].AsUInt64();
        ulong nonce = call["nonce"].AsUInt64();
        byte[] work = call["work"].AsBytes();
        byte[] coldkey = call["coldkey"].AsBytes();

        Ensure(c.Signer.AsSpan().SequenceEqual(hotkey), "TransactorAccountShouldBeHotKey");
        CheckSubnet(c, netuid, "NetworkPowRegistrationAllowed");
        CheckRateLimitsAndMembership(c, netuid, hotkey);
        CheckWork(c, blockNumber, nonce, work, hotkey, c.State.GetNumber(Name, "Difficulty", U16(netuid)));

        AppendNeuron(c, netuid, hotkey, coldkey);
        c.State.Increment(Name, "POWRegistrationsThisInterval", U16(netuid));
        CountRegistration(c, netuid, hotkey);
    }

    /// <summary>burned_register(netuid, hotkey): the signer is the coldkey and pays Burn(netuid).</summary>
    public static void BurnedRegister(DispatchContext c, ushort netuid, byte[] hotkey)
    {
        byte[] coldkey = c.Signer;
        CheckSubnet(c, netuid, "NetworkRegistrationAllowed");
        CheckRateLimitsAndMembership(c, netuid, hotkey);

        ulong burn = c.State.GetNumber(Name, "Burn", U16(netuid));
        var free = Accounts.Free(c.State, coldkey);
        Ensure(free >= burn, "NotEnoughBalanceToStake");
        Accounts.SetFree(c.State, coldkey, free - burn);
        c.Deposit("Balances", "Withdraw", new ScaleBytes(coldkey), new ScaleNumber(burn));

        AppendNeuron(c, netuid, hotkey, coldkey);
        c.State.Increment(Name, "BurnRegistrationsThisInterval", U16(netuid));
        CountRegistration(c, netuid, hotkey);
    }

    /// <summary>
    /// register_limit(netuid, hotkey, limit_price): burned_register signed by the coldkey, refused before any charge
    /// when Burn(netuid) exceeds limit_price (do_register_limit checks only root and existence before the price).
    /// </summary>
    public static void RegisterLimit(DispatchContext c, ScaleVariant call)
    {
        ushort netuid = call["netuid"].AsUInt16();
        CheckSubnetExists(c, netuid);
        ulong burn = c.State.GetNumber(Name, "Burn", U16(netuid));
        Ensure(burn <= call["limit_price"].AsUInt64(), "RegistrationPriceLimitExceeded");
        BurnedRegister(c, netuid, call["hotkey"].AsBytes());
    }

    /// <summary>faucet(block_number, nonce, work): the signer's key plays the hotkey at difficulty 1,000,000; pays 1000 TAO.</summary>
    public static void Faucet(DispatchContext c, ScaleVariant call)
    {
        // Older runtimes list faucet in every build and, built without pow-faucet, refuse it before any check (SPEC §9).
        Ensure(c.Runtime.PowFaucet, "FaucetDisabled");
        CheckWork(c, call["block_number"].AsUInt64(), call["nonce"].AsUInt64(), call["work"].AsBytes(), c.Signer, FaucetDifficulty);
        Accounts.SetFree(c.State, c.Signer, Accounts.Free(c.State, c.Signer) + FaucetAmount);
        c.Deposit(Name, "Faucet", new ScaleBytes(c.Signer), new ScaleNumber(FaucetAmount));
    }

    /// <summary>Root refused, subnet must exist, and the subnet's switch for this kind of registration must be on.</summary>
    private static void CheckSubnet(DispatchContext c, ushort netuid, string allowedItem)
    {
        CheckSubnetExists(c, netuid);
        Ensure(c.State.GetBool(Name, allowedItem, U16(netuid)), "SubNetRegistrationDisabled");
    }

    private static void CheckSubnetExists(DispatchContext c, ushort netuid)
    {
        Ensure(netuid != 0, "RegistrationNotPermittedOnRootSubnet");
        // Runtimes that still have SubNetworkDoesNotExist raise it from the registration calls; later ones renamed it.
        Ensure(c.State.GetBool(Name, "NetworksAdded", U16(netuid)),
            c.Runtime.Decoded.TryGetError(Name, "SubNetworkDoesNotExist") is not null ? "SubNetworkDoesNotExist" : "SubnetNotExists");
    }

    private static void CheckRateLimitsAndMembership(DispatchContext c, ushort netuid, byte[] hotkey)
    {
        var s = c.State;
        Ensure(s.GetNumber(Name, "RegistrationsThisBlock", U16(netuid)) < s.GetNumber(Name, "MaxRegistrationsPerBlock", U16(netuid)),
            "TooManyRegistrationsThisBlock");
        Ensure(s.GetNumber(Name, "RegistrationsThisInterval", U16(netuid)) < s.GetNumber(Name, "TargetRegistrationsPerInterval", U16(netuid)) * 3,
            "TooManyRegistrationsThisInterval");
        Ensure(!s.Contains(Name, "Uids", U16(netuid), hotkey), "HotKeyAlreadyRegisteredInSubNet");
    }

    /// <summary>The work block window, then the difficulty, then the seal (the pallet checks difficulty before the seal).</summary>
    private static void CheckWork(DispatchContext c, ulong blockNumber, ulong nonce, byte[] work, byte[] hotkey, ulong difficulty)
    {
        ulong current = c.BlockNumber;
        Ensure(blockNumber <= current, "InvalidWorkBlock");
        Ensure(current - blockNumber < 3, "InvalidWorkBlock");
        byte[] workHash = PowCheck.WorkHash(work);
        Ensure(PowCheck.MeetsDifficulty(workHash, difficulty, c.Runtime.SealRule), "InvalidDifficulty");
        Ensure(PowCheck.Seal(c.BlockHash(blockNumber), hotkey, nonce).AsSpan().SequenceEqual(workHash), "InvalidSeal");
        if (c.State.Has(Name, "UsedWork")) c.State.SetNumber(Name, "UsedWork", current, new ScaleWriter().Bytes(work).ToArray());
    }

    /// <summary>create_account_if_non_existent, the coldkey pairing check, then append_neuron.</summary>
    private static void AppendNeuron(DispatchContext c, ushort netuid, byte[] hotkey, byte[] coldkey)
    {
        NeuronRegistry.CreateAccountIfNonExistent(c.State, coldkey, hotkey);
        Ensure(c.State.Get(Name, "Owner", hotkey)!.AsBytes().AsSpan().SequenceEqual(coldkey), "NonAssociatedColdKey");
        NeuronRegistry.Append(c, netuid, hotkey);
    }

    private static void CountRegistration(DispatchContext c, ushort netuid, byte[] hotkey)
    {
        c.State.Increment(Name, "RegistrationsThisInterval", U16(netuid));
        c.State.Increment(Name, "RegistrationsThisBlock", U16(netuid));
        ulong uid = c.State.GetNumber(Name, "Uids", U16(netuid), hotkey);
        c.Deposit(Name, "NeuronRegistered", new ScaleNumber(netuid), new ScaleNumber(uid), new ScaleBytes(hotkey));
    }
}

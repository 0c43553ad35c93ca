namespace BittensorPow.Registration.Workflows;

/// <summary>
/// pow_register's checks that do not depend on the work (SPEC §10), in the pallet's order and in its words, run on one
/// <see cref="PowRegistrationState"/> before anything is solved: a subnet or keys that can never register by work here
/// are refused within one round trip, with nothing spent.
/// </summary>
public static class PowRegisterChecks
{
    public const string RootSubnetError = "RegistrationNotPermittedOnRootSubnet";

    /// <exception cref="PowException">The first check the pallet would fail, by its name.</exception>
    public static void BeforeSolving(ChainSession chain, PowRegistrationState state, byte[] hotkey, byte[] coldkey)
    {
        var client = chain.Client;
        ushort netUid = state.NetUid;
        if (netUid == 0)
            throw PalletVerdict.Refuse(client, new PowError(RootSubnetError, PowErrorCategory.InvalidArgument, netUid,
                "Subnet 0 is the root subnet: nobody registers there by proof of work.",
                "Pick a subnet other than 0 (Get-SubtensorBlock -NetUid <n>)."));
        if (!state.SubnetExists)
            throw PalletVerdict.Refuse(client, "SubnetNotExists", new PowError(ErrorIds.SubnetNotFound,
                PowErrorCategory.ObjectNotFound, netUid,
                $"Subnet {netUid} does not exist on {chain.Endpoint}.",
                "Check -NetUid; Get-SubtensorBlock -NetUid <n> shows whether a subnet exists."));
        if (!state.PowRegistrationAllowed)
            throw PalletVerdict.Refuse(client, "SubNetRegistrationDisabled", new PowError(ErrorIds.PowRegistrationClosed,
                PowErrorCategory.PermissionDenied, netUid,
                $"Proof-of-work registration on subnet {netUid} is off (NetworkPowRegistrationAllowed is false); " +
                "only the subnet's owner can turn it on (AdminUtils.sudo_set_network_pow_registration_allowed).",
                state.RegistrationAllowed
                    ? $"Wait for the owner, or register by burn: Register-SubtensorNeuron -MaxCost <TAO> (now {Tao.Format(state.Burn)} TAO)."
                    : "Burn registration is off there too: wait until the subnet's owner opens one of them."));
        if (state.Uid is { } uid)
            throw PalletVerdict.Refuse(client, new PowError("HotKeyAlreadyRegisteredInSubNet", PowErrorCategory.InvalidOperation, Ss58.Encode(hotkey),
                $"Hotkey {Ss58.Encode(hotkey)} is already registered on subnet {netUid} as uid {uid}; there is nothing to solve.",
                "Register another hotkey (New-BittensorHotkey), or pick another subnet."));
        if (state.MaxAllowedUids == 0)
            throw PalletVerdict.Refuse(client, new PowError("NoNeuronIdAvailable", PowErrorCategory.LimitsExceeded, netUid,
                $"Subnet {netUid} allows no neurons (MaxAllowedUids is 0).", "Pick another subnet."));
        if (state.Owner is { } owner && !owner.AsSpan().SequenceEqual(coldkey))
            throw PalletVerdict.Refuse(client, new PowError("NonAssociatedColdKey", PowErrorCategory.PermissionDenied, Ss58.Encode(hotkey),
                $"Hotkey {Ss58.Encode(hotkey)} belongs to coldkey {Ss58.Encode(owner)}, not to {Ss58.Encode(coldkey)}, " +
                "which would sign pow_register.",
                "Sign with the hotkey's own coldkey (-Wallet of that coldkey), or register a hotkey this coldkey owns."));
        bool newHotkey = state.Owner is null;
        if (newHotkey && (state.OwnedHotkeys >= PowRegistrationState.MaxHotkeysPerColdkey
            || state.StakingHotkeys >= PowRegistrationState.MaxHotkeysPerColdkey))
            throw PalletVerdict.Refuse(client, new PowError("TooManyStakingHotkeys", PowErrorCategory.LimitsExceeded, Ss58.Encode(coldkey),
                $"Coldkey {Ss58.Encode(coldkey)} already has {Math.Max(state.OwnedHotkeys ?? 0, state.StakingHotkeys ?? 0)} hotkeys; " +
                $"a new one needs room under {PowRegistrationState.MaxHotkeysPerColdkey}.",
                "Register a hotkey this coldkey already owns, or use another coldkey."));
    }
}

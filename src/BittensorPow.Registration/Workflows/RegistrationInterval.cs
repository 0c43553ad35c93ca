namespace BittensorPow.Registration.Workflows;

/// <summary>
/// The pallet's limit on registrations per interval, as register checks it on runtimes that check work (up to spec 396):
/// RegistrationsThisInterval &lt; 3 × TargetRegistrationsPerInterval, else TooManyRegistrationsThisInterval. Checked before
/// solving, so that no work is spent on a registration the chain would refuse, and again before a piped solution is signed.
/// </summary>
public static class RegistrationInterval
{
    public const string PalletError = "TooManyRegistrationsThisInterval";

    /// <exception cref="PowException">TooManyRegistrationsThisInterval (LimitsExceeded), quoting the pallet's docs.</exception>
    public static void EnsureRoom(SubtensorClient client, SubnetInfo subnet)
    {
        // From spec 397 register burns instead; the work, and so this check before solving, no longer matters there.
        if (!client.RuntimeProfile.RegisterVerifiesWork) return;
        int limit = 3 * subnet.TargetRegistrationsPerInterval;
        if (subnet.RegistrationsThisInterval < limit) return;
        throw PalletVerdict.Refuse(client, new PowError(PalletError, PowErrorCategory.LimitsExceeded, subnet.NetUid,
            $"Subnet {subnet.NetUid} has taken {subnet.RegistrationsThisInterval} registrations this interval; the chain takes at most {limit} " +
            $"(3 × TargetRegistrationsPerInterval {subnet.TargetRegistrationsPerInterval}) and would refuse this one.",
            "Wait for the subnet's next registration interval, then solve again (the difficulty may change with it)."));
    }
}

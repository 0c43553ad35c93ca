namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// What each SubtensorModule error that <c>register</c> (and its burned successors, and the faucet) can raise
/// means, and what to do about it; <see cref="Names"/> are register's, in the order the pallet checks them (SPEC §5).
/// The runtime's own docs are appended when they add something.
/// </summary>
public static class RegistrationErrors
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["TransactorAccountShouldBeHotKey"] =
            "the registration was signed by a key other than the hotkey being registered; sign it with the hotkey.",
        ["RegistrationNotPermittedOnRootSubnet"] =
            "subnet 0 (root) does not take proof-of-work registrations; choose another subnet.",
        ["SubnetNotExists"] =
            "the subnet does not exist on this chain; check the netuid.",
        ["SubNetRegistrationDisabled"] =
            "registration is closed on this subnet (registration or PoW registration is not allowed); wait until its owner "
            + "opens it, or use a burned registration if that is open.",
        ["TooManyRegistrationsThisBlock"] =
            "the subnet already took its maximum registrations in this block; solve again and submit in a later block.",
        ["TooManyRegistrationsThisInterval"] =
            "the subnet reached its registration limit for this interval; wait for the next interval, then solve again "
            + "(the difficulty may have changed).",
        ["HotKeyAlreadyRegisteredInSubNet"] =
            "this hotkey is already registered on the subnet; nothing to do.",
        ["InvalidWorkBlock"] =
            "the solution's block is outside the chain's window (it must be the current block or one of the two before it "
            + "when the transaction executes); solve again on a fresh block and submit at once.",
        ["InvalidDifficulty"] =
            "the seal does not meet the subnet's current difficulty (it may have risen, or the seal byte order does not "
            + "match this runtime); read the difficulty again and solve again.",
        ["InvalidSeal"] =
            "the submitted work is not the seal of this block hash, hotkey and nonce; solve again (check that the hotkey "
            + "solved for is the one registered).",
        ["NonAssociatedColdKey"] =
            "the hotkey already belongs to a different coldkey; register with that coldkey or use another hotkey.",
        ["NoNeuronIdAvailable"] =
            "the subnet has no uid to give (it is full and no neuron can be replaced now); try again later.",
        // Not register's own, but raised by the calls that replaced its work (burned_register, register_limit) and by the faucet.
        ["RegistrationPriceLimitExceeded"] =
            "the subnet's burn is above the price limit the registration carried, so nothing was registered or charged; "
            + "read the burn again and raise the limit if you accept it.",
        ["NotEnoughBalanceToStake"] =
            "the signing coldkey's free balance is below the subnet's burn; fund the coldkey (on a local chain: the faucet) "
            + "or wait for the burn to fall.",
        ["FaucetDisabled"] =
            "this node was built without subtensor's pow-faucet feature: it lists the faucet call but refuses every drip. "
            + "Local chains get the feature from subtensor's scripts/localnet.sh (its default) or the published localnet "
            + "image; build or start the chain that way.",
    };

    /// <summary>The registration errors in the order the pallet checks them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "TransactorAccountShouldBeHotKey", "RegistrationNotPermittedOnRootSubnet", "SubnetNotExists", "SubNetRegistrationDisabled",
        "TooManyRegistrationsThisBlock", "TooManyRegistrationsThisInterval", "HotKeyAlreadyRegisteredInSubNet", "InvalidWorkBlock",
        "InvalidDifficulty", "InvalidSeal", "NonAssociatedColdKey", "NoNeuronIdAvailable",
    ];

    public static bool IsKnown(string errorName) => Meanings.ContainsKey(errorName);

    /// <summary>
    /// What the error means and what to do; for a name not listed here, the metadata's docs (or the bare name).
    /// </summary>
    public static string Describe(string errorName, IReadOnlyList<string>? docsFromMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(errorName);
        var docs = Rpc.PeerText.Quote(string.Join(" ", docsFromMetadata ?? []).Trim());
        if (!Meanings.TryGetValue(errorName, out var meaning))
            return docs.Length == 0 ? $"{errorName} (the runtime gives no description)." : docs;
        return docs.Length == 0 ? Capitalize(meaning) : $"{Capitalize(meaning)} (runtime: {docs})";
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

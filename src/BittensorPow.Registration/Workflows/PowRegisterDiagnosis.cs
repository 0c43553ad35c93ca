namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Which of pow_register's checks (SPEC §10, the pallet's order) a solution fails against the chain's state now, and
/// whether solving again can help. The pool answers every PoW failure with the same "Custom error: 255"; this re-runs
/// the checks from storage so the user hears which one.
/// </summary>
public static class PowRegisterDiagnosis
{
    public sealed record Finding(string Check, string Why, bool SolveAgain);

    /// <param name="head">The head <paramref name="state"/> was read at; the transaction would execute in the next block.</param>
    public static Finding? FirstFailure(PowRegistrationState state, Solution solution, ulong head)
    {
        ulong work = solution.BlockNumber;
        if (state.NetUid == 0) return new(PowRegisterChecks.RootSubnetError, "subnet 0 is the root subnet", false);
        if (!state.SubnetExists) return new("SubnetNotExists", $"subnet {state.NetUid} does not exist", false);
        if (!state.PowRegistrationAllowed)
            return new("SubNetRegistrationDisabled", $"proof-of-work registration on subnet {state.NetUid} is off", false);
        if (state.Uid is { } uid)
            return new("HotKeyAlreadyRegisteredInSubNet", $"the hotkey is registered on subnet {state.NetUid} as uid {uid}", false);
        if (state.MaxAllowedUids == 0) return new("NoNeuronIdAvailable", "the subnet allows no neurons", false);
        if (state.RegistrationsThisBlock >= state.MaxRegistrationsPerBlock)
            return new("TooManyRegistrationsThisBlock",
                $"block #{head} already holds {state.RegistrationsThisBlock} of {state.MaxRegistrationsPerBlock} registrations", true);
        if (Staleness.IsPowRegisterStale(work, head))
            return new("InvalidWorkBlock", $"work on block #{work} is outside the window at head #{head} " +
                $"(it must be included within {Staleness.PowRegisterWindow} blocks)", true);
        if (state.LastPowRegistrationBlock is { } last && work <= last)
            return new("InvalidWorkBlock",
                $"the hotkey's last registration by work was on block #{last}; work must be for a later block than that", true);
        if (!solution.Challenge.ComputeSeal(solution.Nonce).AsSpan().SequenceEqual(solution.Seal))
            return new("InvalidSeal", "the seal is not this challenge's seal of the nonce", false);
        if (!solution.Challenge.Accepts(solution.Seal, new Difficulty(state.EffectiveDifficulty)))
            return new("InvalidDifficulty", $"the seal does not meet the subnet's difficulty now, {state.EffectiveDifficulty:N0} " +
                $"(it was solved for {solution.Difficulty})", true);
        if (solution.Challenge is PowRegisterChallenge p && state.Owner is { } owner && !owner.AsSpan().SequenceEqual(p.Coldkey))
            return new("NonAssociatedColdKey", "the hotkey belongs to another coldkey", false);
        if (state.Owner is null && (state.OwnedHotkeys >= PowRegistrationState.MaxHotkeysPerColdkey
            || state.StakingHotkeys >= PowRegistrationState.MaxHotkeysPerColdkey))
            return new("TooManyStakingHotkeys", "the coldkey's hotkey lists are full", false);
        return null;
    }
}

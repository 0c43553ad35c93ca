namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Subtensor's <c>CustomTransactionError</c>: the N in "Custom error: N" when its transaction extension rejects a
/// transaction before it enters the pool. Numbers as assigned in opentensor/subtensor
/// <c>common/src/transaction_error.rs</c> (commit 2a315462); 0–13 and 255 have kept their meaning since the enum was
/// introduced, later ones were appended. Older runtimes used some bare numbers before the enum covered them (see
/// <see cref="Describe"/>), so the text always says that the meaning is the current code's.
/// </summary>
public static class CustomTransactionErrors
{
    private static readonly Dictionary<int, (string Name, string Meaning)> Known = new()
    {
        [0] = ("ColdkeyInSwapSchedule", "the coldkey is scheduled to be swapped, so it cannot make this transaction now"),
        [1] = ("StakeAmountTooLow", "the amount is below the minimum"),
        [2] = ("BalanceTooLow", "the balance is too low for this transaction"),
        [3] = ("SubnetNotExists", "the subnet does not exist"),
        [4] = ("HotkeyAccountDoesntExist", "the hotkey account does not exist"),
        [5] = ("NotEnoughStakeToWithdraw", "not enough stake to withdraw"),
        [6] = ("RateLimitExceeded", "too many transactions of this kind too quickly; wait and try again"),
        [7] = ("InsufficientLiquidity", "the subnet's pool lacks liquidity for this amount"),
        [8] = ("SlippageTooHigh", "the price moved beyond the allowed slippage"),
        [9] = ("TransferDisallowed", "transfers are not allowed here"),
        [10] = ("HotKeyNotRegisteredInNetwork", "the hotkey is not registered"),
        [11] = ("InvalidIpAddress", "invalid IP address"),
        [12] = ("ServingRateLimitExceeded", "serving information was updated too recently"),
        [13] = ("InvalidPort", "invalid port"),
        [14] = ("ZeroMaxAmount", "the maximum amount is zero"),
        [15] = ("InvalidRevealRound", "invalid reveal round"),
        [16] = ("CommitNotFound", "no matching commit"),
        [17] = ("CommitBlockNotInRevealRange", "the commit's block is outside the reveal range"),
        [18] = ("InputLengthsUnequal", "input lists have different lengths"),
        [19] = ("UidNotFound", "uid not found"),
        [20] = ("EvmKeyAssociateRateLimitExceeded", "EVM key association rate limit exceeded"),
        [21] = ("ColdkeySwapDisputed", "the coldkey swap is disputed"),
        [22] = ("InvalidRealAccount", "invalid real account"),
        [23] = ("FailedShieldedTxParsing", "the shielded transaction could not be parsed"),
        [24] = ("InvalidShieldedTxPubKeyHash", "invalid shielded transaction public-key hash"),
        [25] = ("CommitRevealEnabled", "commit-reveal is enabled on this subnet"),
        [26] = ("CommitRevealDisabled", "commit-reveal is disabled on this subnet"),
        [27] = ("NonAssociatedColdKey", "the hotkey belongs to a different coldkey"),
        [28] = ("InvalidIpType", "invalid IP type"),
        [29] = ("IncorrectCommitRevealVersion", "wrong commit-reveal version"),
        [30] = ("CommittingWeightsTooFast", "weights committed too quickly"),
        [31] = ("TooManyUnrevealedCommits", "too many unrevealed commits"),
        [32] = ("NewHotKeyIsSameWithOld", "the new hotkey is the same as the old one"),
        [33] = ("HotKeyAlreadyRegisteredInSubNet", "the hotkey is already registered on this subnet"),
        [34] = ("NotEnoughBalanceToPaySwapHotKey", "not enough balance to pay for the hotkey swap"),
        [35] = ("HotKeySwapOnSubnetIntervalNotPassed", "a hotkey swap on this subnet happened too recently"),
        [36] = ("DelegateTakeTooLow", "delegate take below the minimum"),
        [37] = ("DelegateTakeTooHigh", "delegate take above the maximum"),
        [38] = ("InvalidWorkBlock", "the solution's block is outside the chain's window; solve again on a fresh block"),
        [39] = ("InvalidDifficulty", "the seal does not meet the subnet's difficulty; read the difficulty and solve again"),
        [40] = ("InvalidSeal", "the work is not the seal of this block, hotkey and nonce; solve again"),
        [255] = ("BadRequest", "the request is malformed"),
    };

    /// <summary>The variant name for N in current subtensor, or null.</summary>
    public static string? NameOf(int code) => Known.TryGetValue(code, out var k) ? k.Name : null;

    /// <summary>A sentence for "Custom error: N".</summary>
    public static string Describe(int code)
    {
        if (!Known.TryGetValue(code, out var k))
            return $"runtime-specific error {code} (not a CustomTransactionError this client knows)";
        var text = $"{k.Name}: {k.Meaning} (custom error {code} as current subtensor numbers it)";
        // Before the enum covered registration, SubtensorSignedExtension rejected register/burned_register with a
        // bare Custom(5) once a subnet's registrations this interval reached three times its target.
        if (code == 5)
            text += "; on older runtimes, 5 on a registration means the subnet took 3× its target registrations "
                + "this interval: wait for the next interval";
        return text;
    }
}

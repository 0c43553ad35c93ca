namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// What the pallet checks for <c>pow_register</c> (SPEC §10), read at one block: the subnet's switches, difficulty bounds
/// and registrations, and — when asked for — the hotkey's and the coldkey's standing. Values a runtime does not hold
/// (older specs) are null. Only the storage reader sets the values: outside this assembly a state is what the chain
/// said, never one made up.
/// </summary>
public sealed record PowRegistrationState(ushort NetUid, BlockHash At)
{
    public bool SubnetExists { get; internal init; }
    public bool PowRegistrationAllowed { get; internal init; }

    /// <summary>NetworkRegistrationAllowed: burn registration's own switch.</summary>
    public bool RegistrationAllowed { get; internal init; }
    public ulong Difficulty { get; internal init; }
    public ulong MinDifficulty { get; internal init; }
    public ulong MaxDifficulty { get; internal init; }
    public ushort RegistrationsThisBlock { get; internal init; }
    public ushort MaxRegistrationsPerBlock { get; internal init; }
    public ushort MaxAllowedUids { get; internal init; }
    public ushort? SubnetworkN { get; internal init; }

    /// <summary>Burn(netuid) in rao: what a burn registration costs instead.</summary>
    public ulong Burn { get; internal init; }

    /// <summary>The hotkey's uid on the subnet; null when it is not there (or no hotkey was asked about).</summary>
    public ushort? Uid { get; internal init; }

    /// <summary>LastPowRegistrationBlock(hotkey): work must be for a later block; null when never registered by work.</summary>
    public ulong? LastPowRegistrationBlock { get; internal init; }

    /// <summary>Owner(hotkey): the coldkey that owns it; null when nobody does yet.</summary>
    public byte[]? Owner { get; internal init; }

    /// <summary>OwnedHotkeys(coldkey) and StakingHotkeys(coldkey) list lengths; null when not asked or not held by this runtime.</summary>
    public int? OwnedHotkeys { get; internal init; }
    public int? StakingHotkeys { get; internal init; }

    /// <summary>The pallet's limit on a coldkey's hotkey lists: a new hotkey needs room under it.</summary>
    public const int MaxHotkeysPerColdkey = 256;

    /// <summary>D as the pallet applies it: Difficulty clamped to [max(MinDifficulty, 1), max(MaxDifficulty, that)].</summary>
    public ulong EffectiveDifficulty => Clamp(Difficulty, MinDifficulty, MaxDifficulty);

    /// <summary>The pallet's clamp: [max(min, 1), max(max, that)].</summary>
    public static ulong Clamp(ulong difficulty, ulong min, ulong max)
    {
        ulong low = Math.Max(min, 1);
        ulong high = Math.Max(max, low);
        return Math.Clamp(difficulty, low, high);
    }
}

namespace BittensorPow.Cmdlets.Output;

/// <summary>A verified registration solution: everything Register-SubtensorNeuron and Test-PowSolution need.</summary>
public sealed class PowSolution
{
    public ulong Nonce { get; init; }
    public ulong BlockNumber { get; init; }
    public string BlockHash { get; init; } = "";
    /// <summary>The difficulty the seal was solved for: the chain's D times <see cref="DifficultyMargin"/>.</summary>
    public ulong Difficulty { get; init; }
    public double DifficultyMargin { get; init; } = 1;
    public string Seal { get; init; } = "";
    public string Hotkey { get; init; } = "";
    public string HotkeyPublicKey { get; init; } = "";
    public SealByteOrder SealByteOrder { get; init; }
    /// <summary>Legacy (register's and the faucet's 40-byte pre-seal) or PowRegisterV1 (pow_register's 131-byte payload).</summary>
    public SealScheme Scheme { get; init; }
    /// <summary>The coldkey a PowRegisterV1 seal binds (the signer of pow_register), as SS58; null for a legacy seal.</summary>
    public string? Coldkey { get; init; }
    public string? ColdkeyPublicKey { get; init; }
    public ushort? NetUid { get; init; }
    public string? Endpoint { get; init; }
    public string Backend { get; init; } = "";
    public ulong NoncesTried { get; init; }
    /// <summary>Seals per second (EWMA at the end of the solve).</summary>
    public double HashRate { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Why this byte order: "runtime spec 283 (little-endian rule)" or "given with -SealByteOrder".</summary>
    public string? SealRule { get; init; }
    /// <summary>How many blocks the solve followed (1 offline).</summary>
    public int BlocksSeen { get; init; }
    /// <summary>The remoting host that found it (New-PowSolution -Session/-HostName); null when found on this machine.</summary>
    public string? ComputerName { get; init; }
    /// <summary>A spread search's hosts: each one's nonce range (as the host reported it), rate and state.</summary>
    public PowSearchHost[]? Hosts { get; init; }
    /// <summary>From the winning solution reaching this machine to every other host's search having stopped.</summary>
    public TimeSpan? HostsStoppedIn { get; init; }
    /// <summary>Search rounds over all workers (each tries -UpdateInterval nonces, then looks for new work).</summary>
    public ulong Rounds { get; init; }
    /// <summary>Seals per second over the whole solve (HashRate is the EWMA of the recent samples).</summary>
    public double HashRateAverage { get; init; }
    /// <summary>Mean time one worker spent per round.</summary>
    public TimeSpan TimeAverage { get; init; }
    public int Workers { get; init; }
    public int DeviceFaults { get; init; }

    public override string ToString() => $"nonce {Nonce} for block {BlockNumber} ({Scheme}, {SealByteOrder})";

    private static byte[]? ColdkeyOf(Solution s) => (s.Challenge as PowRegisterChallenge)?.Coldkey.ToArray();

    /// <param name="spread">The spread search that found it, if one did: its hosts and how quickly they stopped.</param>
    internal static PowSolution From(Solution s, SpreadOutcome? spread = null) => new()
    {
        Nonce = s.Nonce, BlockNumber = s.BlockNumber, BlockHash = s.BlockHash.ToString(), Difficulty = s.Difficulty.Value,
        Seal = Hex.Encode(s.Seal), Hotkey = Ss58.Encode(s.Hotkey), HotkeyPublicKey = Hex.Encode(s.Hotkey), SealByteOrder = s.ByteOrder,
        Scheme = s.Scheme, DifficultyMargin = s.DifficultyMargin,
        Coldkey = ColdkeyOf(s) is { } c ? Ss58.Encode(c) : null, ColdkeyPublicKey = ColdkeyOf(s) is { } k ? Hex.Encode(k) : null,
        NetUid = s.NetUid, Endpoint = s.Endpoint, Backend = s.Backend, SealRule = s.SealRule,
        NoncesTried = s.Statistics?.NoncesTried ?? 0,
        HashRate = s.Statistics is { } st ? (st.HashRate > 0 ? st.HashRate : st.HashRateAverage) : 0,
        Elapsed = s.Statistics?.Elapsed ?? TimeSpan.Zero, BlocksSeen = s.Statistics?.BlocksSeen ?? 0,
        Rounds = s.Statistics?.Rounds ?? 0, HashRateAverage = s.Statistics?.HashRateAverage ?? 0,
        TimeAverage = s.Statistics?.TimeAverage ?? TimeSpan.Zero, Workers = s.Statistics?.Workers ?? 0,
        DeviceFaults = s.Statistics?.DeviceFaults ?? 0, ComputerName = s.ComputerName,
        Hosts = spread?.Hosts.Select(PowSearchHost.From).ToArray(), HostsStoppedIn = spread?.StoppedIn,
    };
}

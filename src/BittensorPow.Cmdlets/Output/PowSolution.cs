namespace BittensorPow.Cmdlets.Output;

public sealed partial class PowSolution
{
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

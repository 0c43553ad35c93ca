namespace BittensorPow.Registration.Spread;

/// <summary>
/// What every host of a spread search solves, and how a host's solution is judged here. Offline: one challenge at one
/// difficulty, and the winner must answer exactly it. Online: each host follows the chain's heads from the same endpoint
/// with the same binding (keys, subnet, rule), and the winner must carry that binding on some block and be fresh here.
/// </summary>
public sealed record SpreadTarget
{
    private SpreadTarget(Challenge challenge, string sealRule)
    {
        Challenge = challenge;
        SealRule = sealRule;
    }

    /// <summary>Online: the work on the head when the search began; each host moves it onto the heads it sees.</summary>
    public Challenge Challenge { get; }

    /// <summary>Why this seal rule (shown on the solution).</summary>
    public string SealRule { get; }

    /// <summary>Offline: the difficulty asked for. Online: null; each host reads the subnet's.</summary>
    public Difficulty? Difficulty { get; private init; }

    /// <summary>Online: the chain the hosts follow and the winner is checked against.</summary>
    public OnlineSolveTarget? Online { get; private init; }

    public static SpreadTarget Offline(BlockTemplate template, string sealRule) =>
        new(template.Challenge, sealRule) { Difficulty = template.Difficulty };

    public static SpreadTarget OnChain(OnlineSolveTarget target) => new(target.Challenge, target.SealRule) { Online = target };

    /// <summary>The subnet, where the work names one (online, or bound into the pow_register seal).</summary>
    public ushort? NetUid => Online?.NetUid ?? (Challenge as PowRegisterChallenge)?.NetUid;

    /// <summary>
    /// The New-PowSolution parameters that name this work on a host. The legacy seal: the block (or the subnet and node),
    /// the hotkey and the byte order; the pow_register seal: the scheme, subnet and coldkey it binds, and no byte order (it
    /// has one).
    /// </summary>
    internal IEnumerable<KeyValuePair<string, object?>> Parameters()
    {
        if (Online is { } online)
        {
            yield return new("NetUid", online.NetUid);
            // The URL as given, credentials included: each host connects to the node itself (never shown).
            yield return new("Endpoint", online.Chain.Url);
            if (online.DifficultyMargin > 1) yield return new("DifficultyMargin", online.DifficultyMargin);
        }
        else
        {
            yield return new("BlockHash", Hex.Encode(Challenge.BlockHash));
            yield return new("BlockNumber", Challenge.BlockNumber);
            yield return new("Difficulty", Difficulty!.Value);
        }
        yield return new("Hotkey", Hex.Encode(Challenge.Hotkey));
        if (Challenge is PowRegisterChallenge p)
        {
            // Online the host's runtime chooses the seal, as here: it needs only the coldkey the seal binds.
            if (Online is null)
            {
                yield return new("Scheme", p.Scheme.ToString());
                yield return new("NetUid", p.NetUid);
            }
            yield return new("Coldkey", Hex.Encode(p.Coldkey));
        }
        else yield return new("SealByteOrder", Challenge.ByteOrder.ToString());
    }

    /// <summary>
    /// A host's solution judged here: the work asked for (offline: this very challenge and difficulty; online: this binding
    /// on some block), its seal recomputed on the reference path, and online its block still in the chain's window.
    /// </summary>
    /// <returns>The solution to return, or null with the reason; <c>Stale</c>: refused only for having left the window.</returns>
    internal (Solution? Accepted, string Reason, bool Stale) Judge(Solution candidate, CancellationToken cancellation)
    {
        var c = candidate.Challenge;
        bool asked = Online is null
            ? c.Equals(Challenge) && candidate.Difficulty.Value == Difficulty!.Value
            : c.Equals(Challenge.ForBlock(c.BlockNumber, c.BlockHash));
        if (!asked)
        {
            string difficulty = Difficulty is { } d ? $" at difficulty {d.Value:N0}" : "";
            string keys = Challenge is PowRegisterChallenge ? "this hotkey, subnet and coldkey" : "this hotkey";
            return (null, $"it is for {c} at difficulty {candidate.Difficulty.Value:N0}, not the work asked for ({Challenge}{difficulty}, {keys})",
                false);
        }
        var verdict = SolutionCheck.Check(candidate.Template, candidate.Nonce, candidate.Seal, Online?.Chain, cancellation);
        if (!verdict.IsValid) return (null, verdict.Reason, verdict is { Head.IsStale: true, SealMatches: not false, MeetsDifficulty: true });
        var accepted = candidate with
        {
            SealRule = SealRule,
            NetUid = NetUid ?? candidate.NetUid,
            Endpoint = Online?.Chain.Endpoint ?? candidate.Endpoint,
        };
        return (accepted, verdict.Reason, false);
    }
}

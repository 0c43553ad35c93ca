using BittensorPow.Engine;
using BittensorPow.Registration.Chain;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Test-PowSolution: recomputes a solution's seal on the reference path, applies the chain's rule, and says why not —
/// including "solved for the other byte order" and, with a node, "outside the chain's window".
/// </summary>
public static class SolutionCheck
{
    public sealed record Verdict(bool IsValid, byte[] Seal, string Reason)
    {
        public bool? SealMatches { get; init; }
        public bool MeetsDifficulty { get; init; }
        public bool MeetsOtherByteOrder { get; init; }
        public bool? IsStale { get; init; }
        public ulong? CurrentBlock { get; init; }
    }

    /// <param name="claimedSeal">The seal the solution claims; when given it must match the recomputed one.</param>
    /// <param name="chain">When given, staleness is judged against its head.</param>
    public static Verdict Check(BlockTemplate template, ulong nonce, byte[]? claimedSeal, ChainSession? chain, CancellationToken cancellation)
    {
        var challenge = template.Challenge;
        var difficulty = template.Difficulty;
        bool meets = template.Verify(nonce, out var seal);
        var order = challenge.ByteOrder;
        var other = order == SealByteOrder.BigEndian ? SealByteOrder.LittleEndian : SealByteOrder.BigEndian;
        bool meetsOther = difficulty.IsMetBy(seal, other);
        bool? matches = claimedSeal is null ? null : claimedSeal.AsSpan().SequenceEqual(seal);
        ulong? head = chain?.Head(cancellation).Number;
        bool? stale = head is { } h ? Staleness.IsStale(template.BlockNumber, h) : null;

        string reason =
            matches == false ? Mismatch(challenge, nonce, claimedSeal!, seal)
            : !meets && meetsOther && challenge.Scheme == SealScheme.Legacy
                ? $"the seal does not meet difficulty {difficulty} under the {order} rule, but does under {other}: solved for the other runtime rule"
            : !meets ? $"the seal does not meet difficulty {difficulty} under the {order} rule"
            : stale == true ? $"block {template.BlockNumber} is outside the chain's window (head {head}; the chain accepts the head and the block before it)"
            : "valid";
        return new Verdict(matches != false && meets && stale != true, seal, reason)
        {
            SealMatches = matches, MeetsDifficulty = meets, MeetsOtherByteOrder = meetsOther, IsStale = stale, CurrentBlock = head,
        };
    }

    private static string Mismatch(Challenge challenge, ulong nonce, byte[] claimed, byte[] seal) => challenge switch
    {
        PowRegisterChallenge p =>
            $"the seal given ({Hex.Encode(claimed)}) is not the pow_register seal of nonce {nonce} for subnet {p.NetUid}, block {p.BlockNumber} " +
            $"{Hex.Encode(p.BlockHash)[..14]}…, this hotkey and this coldkey ({Hex.Encode(seal)}): another coldkey, hotkey, subnet or block each give another seal",
        _ => $"the seal given ({Hex.Encode(claimed)}) is not the seal of this nonce ({Hex.Encode(seal)})",
    };
}

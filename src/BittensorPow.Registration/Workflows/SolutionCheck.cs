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
    public sealed record Verdict(bool IsValid, byte[] Seal, bool? SealMatches, bool MeetsDifficulty, bool MeetsOtherByteOrder,
        bool? IsStale, ulong? CurrentBlock, string Reason);

    /// <param name="claimedSeal">The seal the solution claims; when given it must match the recomputed one.</param>
    /// <param name="chain">When given, staleness is judged against its head.</param>
    public static Verdict Check(BlockHash blockHash, ulong blockNumber, ulong difficulty, byte[] hotkey, ulong nonce, SealByteOrder order,
        byte[]? claimedSeal, ChainSession? chain, CancellationToken cancellation)
    {
        var template = new BlockTemplate(new LegacyChallenge(blockNumber, blockHash.AsSpan(), hotkey, order), new Difficulty(difficulty));
        bool meets = template.Verify(nonce, out var seal);
        var other = order == SealByteOrder.BigEndian ? SealByteOrder.LittleEndian : SealByteOrder.BigEndian;
        bool meetsOther = template.Difficulty.IsMetBy(seal, other);
        bool? matches = claimedSeal is null ? null : claimedSeal.AsSpan().SequenceEqual(seal);
        ulong? head = chain?.Head(cancellation).Number;
        bool? stale = head is { } h ? Staleness.IsStale(blockNumber, h) : null;

        string reason =
            matches == false ? $"the seal given ({Hex.Encode(claimedSeal)}) is not the seal of this nonce ({Hex.Encode(seal)})"
            : !meets && meetsOther ? $"the seal does not meet difficulty {difficulty:N0} under the {order} rule, but does under {other}: solved for the other runtime rule"
            : !meets ? $"the seal does not meet difficulty {difficulty:N0} under the {order} rule"
            : stale == true ? $"block {blockNumber} is outside the chain's window (head {head}; the chain accepts the head and the block before it)"
            : "valid";
        return new Verdict(matches != false && meets && stale != true, seal, matches, meets, meetsOther, stale, head, reason);
    }
}

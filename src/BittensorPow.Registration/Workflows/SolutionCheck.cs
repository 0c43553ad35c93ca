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
        /// <summary>The rule applied: the challenge's byte order.</summary>
        public SealByteOrder ByteOrder { get; init; }

        /// <summary>What the node's head says of the solution; null offline.</summary>
        public HeadCheck? Head { get; init; }
    }

    /// <summary>A solution judged against a node's head: <see cref="IsStale"/> under its seal's window.</summary>
    public sealed record HeadCheck(ulong CurrentBlock, bool IsStale)
    {
        /// <summary>pow_register: the subnet's effective difficulty at the head, and whether the seal meets it.</summary>
        public ulong? CurrentDifficulty { get; init; }
        public bool? MeetsCurrentDifficulty { get; init; }

        /// <summary>pow_register: the hotkey's replay watermark (work must be for a later block).</summary>
        public ulong? LastPowRegistrationBlock { get; init; }
    }

    /// <summary>
    /// One record of Test-PowSolution: offline, or against the node it names through the pipeline's one session; each
    /// check against a node bounded by <see cref="SolutionCheckRequest.Timeout"/>, connecting to it included.
    /// </summary>
    public static Verdict Run(SolutionCheckRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var template = new BlockTemplate(request.Work.ToChallenge().Challenge, Difficulties.FromUser(request.Difficulty));
        if (request.Endpoint is not { } endpoint) return Check(template, request.Nonce, request.ClaimedSeal, null, cancellation);
        using var deadline = new CallDeadline(request.Timeout, cancellation, bounds: "each solution's check");
        var chain = request.Sessions.Get(new NodeChoice(endpoint, null), output, deadline);
        return deadline.Run($"reading the head from {chain.Endpoint}", ErrorIds.RpcTimeout,
            t => Check(template, request.Nonce, request.ClaimedSeal, chain, t));
    }

    /// <param name="claimedSeal">The seal the solution claims; when given it must match the recomputed one.</param>
    /// <param name="chain">
    /// When given, staleness is judged against its head; for pow_register also the hotkey's watermark and the subnet's
    /// current difficulty (SPEC §10), read in one request.
    /// </param>
    public static Verdict Check(BlockTemplate template, ulong nonce, byte[]? claimedSeal, ChainSession? chain, CancellationToken cancellation)
    {
        var offline = Offline(template, nonce, claimedSeal);
        if (chain is null) return offline;
        var head = chain.Head(cancellation);
        if (template.Challenge is not PowRegisterChallenge p)
        {
            bool legacyStale = Staleness.IsStale(template.BlockNumber, head.Number);
            return offline with
            {
                Head = new HeadCheck(head.Number, legacyStale),
                IsValid = offline.IsValid && !legacyStale,
                Reason = offline.IsValid && legacyStale
                    ? $"block {template.BlockNumber} is outside the chain's window (head {head.Number}; " +
                        "the chain accepts the head and the block before it)"
                    : offline.Reason,
            };
        }
        var query = new PowRegistrationQuery(p.NetUid) { Hotkey = p.Hotkey.ToArray() };
        var state = chain.Call(() => chain.Client.Subtensor.PowRegistrationStateAsync(query, head.Hash, cancellation));
        bool stale = Staleness.IsPowRegisterStale(p.BlockNumber, head.Number);
        bool replay = state.LastPowRegistrationBlock is { } last && p.BlockNumber <= last;
        bool meetsNow = p.Accepts(offline.Seal, new Difficulty(state.EffectiveDifficulty));
        string reason = !offline.IsValid ? offline.Reason
            : stale ? $"work on block {p.BlockNumber} is outside pow_register's window at head {head.Number} " +
                $"(work on a head is valid when included within {Staleness.PowRegisterWindow} blocks after it)"
            : replay ? $"the hotkey last registered by work on block {state.LastPowRegistrationBlock}; " +
                "pow_register takes only work on a later block"
            : !meetsNow ? $"the seal meets difficulty {template.Difficulty} but not the subnet's difficulty now, " +
                $"{state.EffectiveDifficulty:N0}"
            : "valid";
        return offline with
        {
            IsValid = offline.IsValid && !stale && !replay && meetsNow,
            Reason = reason,
            Head = new HeadCheck(head.Number, stale)
            {
                CurrentDifficulty = state.EffectiveDifficulty,
                MeetsCurrentDifficulty = meetsNow,
                LastPowRegistrationBlock = state.LastPowRegistrationBlock,
            },
        };
    }

    private static Verdict Offline(BlockTemplate template, ulong nonce, byte[]? claimedSeal)
    {
        var challenge = template.Challenge;
        var difficulty = template.Difficulty;
        bool meets = template.Verify(nonce, out var seal);
        var order = challenge.ByteOrder;
        var other = order == SealByteOrder.BigEndian ? SealByteOrder.LittleEndian : SealByteOrder.BigEndian;
        bool meetsOther = difficulty.IsMetBy(seal, other);
        bool? matches = claimedSeal is null ? null : claimedSeal.AsSpan().SequenceEqual(seal);
        string reason =
            matches == false ? Mismatch(challenge, nonce, claimedSeal!, seal)
            : !meets && meetsOther && challenge.Scheme == SealScheme.Legacy
                ? $"the seal does not meet difficulty {difficulty} under the {order} rule, but does under {other}: solved for the other runtime rule"
            : !meets ? $"the seal does not meet difficulty {difficulty} under the {order} rule"
            : "valid";
        return new Verdict(matches != false && meets, seal, reason)
        {
            SealMatches = matches, MeetsDifficulty = meets, MeetsOtherByteOrder = meetsOther, ByteOrder = order,
        };
    }

    private static string Mismatch(Challenge challenge, ulong nonce, byte[] claimed, byte[] seal) => challenge switch
    {
        PowRegisterChallenge p =>
            $"the seal given ({Hex.Encode(claimed)}) is not the pow_register seal of nonce {nonce} for subnet {p.NetUid}, " +
            $"block {p.BlockNumber} {Hex.Encode(p.BlockHash)[..14]}…, this hotkey and this coldkey ({Hex.Encode(seal)}): " +
            "another coldkey, hotkey, subnet or block each give another seal",
        _ => $"the seal given ({Hex.Encode(claimed)}) is not the seal of this nonce ({Hex.Encode(seal)})",
    };
}

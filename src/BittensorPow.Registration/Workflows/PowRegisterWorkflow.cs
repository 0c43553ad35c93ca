namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Register-SubtensorNeuron on runtimes with pow_register (SPEC §10, spec 475 on): fee-free registration by the new seal,
/// signed by the COLDKEY the seal binds. One registration per subnet per block wins and the pool sets no priority, so the
/// path from a solution to the pool holds only what must be there: one batched read of the checks that can have changed,
/// signing (runtime, era and account nonce already known), and the submission. A proof the pool or the block refuses
/// for a reason more work can fix (expired, raised difficulty, a full block, the watermark) is solved again, up to
/// <see cref="SubmissionPolicy.MaxAttempts"/>; the same proof is never submitted twice.
/// </summary>
public static class PowRegisterWorkflow
{
    /// <exception cref="PowException">A check refused the registration, the attempts ran out, or the chain or a back end failed.</exception>
    public static IEnumerable<RegistrationOutcome> Run(ChainSession chain, PowRegisterRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        ushort netUid = request.NetUid;
        var hotkey = request.Wallet.HotkeyPublicKey();
        var coldkey = request.Wallet.ColdkeyPublicKey();
        CheckGiven(request.Solution, hotkey, coldkey);
        // Signing then knows the runtime from the node's announcements, without a round trip between a solution and the pool.
        chain.FollowRuntime();

        // -TimeoutSec bounds each attempt from its start to inclusion; the first one also paid for connecting and this read,
        // not for the time a person is asked or the coldkey's unlocking.
        TimeSpan spent;
        (BlockHeader, PowRegistrationState) read;
        using (var reading = new CallDeadline(request.Submission.Timeout, cancellation, request.Submission.SpentConnecting, "each attempt"))
        {
            read = reading.Run($"reading subnet {netUid} and the keys' standing from {chain.Endpoint}", ErrorIds.RpcTimeout,
                t => ReadState(chain, netUid, hotkey, coldkey, t));
            spent = reading.Elapsed;
        }
        var (head, state) = read;
        output.Verbose(PowRegisterStateText.Describe(state, head));
        PowRegisterChecks.BeforeSolving(chain, state, hotkey, coldkey);
        var target = new Difficulty(state.EffectiveDifficulty).Times(request.DifficultyMargin);
        // Asked once, before any work or unlocking: a user who takes long to answer must not be handed a stale proof.
        string what = request.Solution is null
            ? $"Solve the PowRegisterV1 seal at difficulty {target}" +
                $"{(request.DifficultyMargin > 1 ? $" (the chain's {state.EffectiveDifficulty:N0} × {request.DifficultyMargin})" : "")}" +
                ", then sign pow_register"
            : $"Sign pow_register for the given PowRegisterV1 solution on block {request.Solution.BlockNumber}";
        if (!output.ShouldProcess($"hotkey {Ss58.Encode(hotkey)} on subnet {netUid} at {chain.Endpoint}",
            $"{what} with coldkey {Ss58.Encode(coldkey)}"))
            yield break;

        // argon2i takes seconds: unlocked now, never between a solution and its submission.
        output.Verbose($"Unlocking coldkey {Ss58.Encode(coldkey)}.");
        using var signer = request.Wallet.Coldkey();
        if (!signer.PublicKey.AsSpan().SequenceEqual(coldkey))
            throw PowException.Pipeline(ErrorIds.ColdkeyMismatch, PowErrorCategory.InvalidData, request.Wallet.WalletName,
                "The wallet's coldkey keyfile and its coldkeypub.txt hold different keys; the seal binds coldkeypub.txt's.",
                "Regenerate coldkeypub.txt from the coldkey (btcli wallet regen_coldkeypub), then solve again.");

        var submitted = new HashSet<(ulong Block, ulong Nonce)>();
        ulong? accountNonce = null;
        var solution = request.Solution;
        for (int attempt = 1; attempt <= request.Submission.MaxAttempts; attempt++)
        {
            using var span = new CallDeadline(request.Submission.Timeout, cancellation, attempt == 1 ? spent : TimeSpan.Zero, "each attempt");
            string of = $"(attempt {attempt} of {request.Submission.MaxAttempts})";
            accountNonce ??= span.Run($"reading the coldkey's account nonce {of}", ErrorIds.RpcTimeout,
                t => chain.Call(() => chain.Client.GetAccountNextIndexAsync(coldkey, t)));
            if (solution is null)
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: solving pow_register's seal for subnet {netUid}.");
                var solve = new OnlineSolveRequest(netUid, hotkey, request.Solve)
                {
                    Coldkey = coldkey, DifficultyMargin = request.DifficultyMargin, Deadline = span,
                };
                solution = span.Run(t => OnlineSolve.Run(chain, solve, output, t))!;
            }
            if (!submitted.Add((solution.BlockNumber, solution.Nonce)))
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: this proof (block {solution.BlockNumber}, " +
                    $"nonce {solution.Nonce}) was submitted before; solving again.");
                solution = null;
                continue;
            }
            var checking = solution;
            long ready = Stopwatch.GetTimestamp();
            (BlockHeader Head, PowRegistrationState State)? Recheck() => request.SkipValidation ? null
                : span.Run($"reading chain state to re-check the proof for block {checking.BlockNumber} {of}", ErrorIds.RpcTimeout,
                    t => ReadState(chain, netUid, hotkey, coldkey, t));
            var recheck = Recheck();
            // A full head block says nothing about the next one, which starts from zero: the pool judges by the head, so the
            // same proof waits for the next head while it stays in its window, instead of being thrown away.
            while (recheck is { } full
                && PowRegisterDiagnosis.FirstFailure(full.State, checking, full.Head.Number) is { Check: "TooManyRegistrationsThisBlock" }
                && !Staleness.IsPowRegisterStale(checking.BlockNumber, full.Head.Number + 1))
            {
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: " +
                    $"block #{full.Head.Number} already holds this subnet's registration; " +
                    "the proof waits for the next block.");
                span.Run($"waiting for the block after #{full.Head.Number} {of}", ErrorIds.RpcTimeout, t => chain.HeadAfter(full.Head.Number, t));
                ready = Stopwatch.GetTimestamp();
                recheck = Recheck();
            }
            if (recheck is { } r && PowRegisterDiagnosis.FirstFailure(r.State, checking, r.Head.Number) is { } finding)
            {
                if (!finding.SolveAgain)
                {
                    // What changed since solving (PoW turned off, the hotkey taken) is refused as it would have been before it.
                    PowRegisterChecks.BeforeSolving(chain, r.State, hotkey, coldkey);
                    throw Refused(chain, finding, checking);
                }
                output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: before signing, {finding.Why} ({finding.Check}); " +
                    "solving again.");
                solution = null;
                continue;
            }

            // The era is born at the head just read: its hash is known, so signing needs no round trip for it.
            (ulong, BlockHash)? era = recheck is { } at ? (at.Head.Number, at.Head.Hash) : null;
            var call = new PowRegisterCall(netUid, checking.BlockNumber, checking.Nonce, checking.Seal, hotkey);
            SignedTransaction Sign() => span.Run($"signing pow_register {of}", ErrorIds.RpcTimeout, t => chain.Call(() =>
                SubtensorTransactions.BuildPowRegisterAsync(chain.Client, signer, call,
                    new TransactionOptions { AccountNonce = accountNonce, EraBlock = era }, t)));
            output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: signing pow_register for the proof on block " +
                $"{checking.BlockNumber} (nonce {checking.Nonce}).");
            var transaction = Sign();
            var solvedToSubmitted = Stopwatch.GetElapsedTime(ready);
            SubmissionResult result;
            try
            {
                var submission = new Submission(transaction, request.Submission.Wait, request.Submission.Timeout) { Deadline = span, Resign = Sign };
                result = span.Run(t => TransactionRunner.Submit(chain, submission, output, t));
            }
            catch (PowException ex) when (ex.Error.Inner is TransactionRejectedException rejected)
            {
                var verdict = PoolVerdict(chain, rejected, checking, coldkey, cancellation);
                if (verdict.SolveAgain && attempt < request.Submission.MaxAttempts)
                {
                    output.Verbose($"Attempt {attempt} of {request.Submission.MaxAttempts}: the pool refused the proof: {verdict.Why}; " +
                        "solving again.");
                    solution = null;
                    continue;
                }
                throw new PowException(ex.Error with
                {
                    Id = verdict.Check,
                    Message = $"The pool refused pow_register: {verdict.Why}. ({ex.Error.Message})",
                });
            }

            bool again = result.DispatchError?.ErrorName is "InvalidWorkBlock" or "InvalidDifficulty" or "TooManyRegistrationsThisBlock";
            // A block builder drops (status "invalid") what fails its checks when it applies it — e.g. the loser of a race
            // for the subnet's one registration per block; no event says which check, so storage is asked, as for 255.
            var dropped = result.Success is null && result.Status is TransactionStatus.Invalid or TransactionStatus.Dropped
                ? DroppedVerdict(chain, checking, coldkey, cancellation) : null;
            bool retry = (again || dropped?.SolveAgain == true) && attempt < request.Submission.MaxAttempts;
            var outcome = new RegistrationOutcome(result, netUid, hotkey, attempt) with
            {
                BlockNumber = checking.BlockNumber,
                Nonce = checking.Nonce,
                SolvedToSubmitted = solvedToSubmitted,
            };
            if (result.DispatchError is { } error)
                outcome = outcome with
                {
                    Error = PalletVerdict.FromDispatch(error, outcome, retry ? "Solving again." : "See the pallet's reason above."),
                };
            else if (dropped is not null)
                outcome = outcome with
                {
                    Error = new PowError(dropped.Check, PowErrorCategory.InvalidResult, outcome,
                        $"The node dropped pow_register from the block it built ({result.Status}): {dropped.Why}.",
                        retry ? "Solving again." : "Nothing was registered; see the reason above."),
                };
            else if (result.Success == true) output.Verbose($"Registered: {result.Registration} in block {result.BlockHash}.");
            yield return outcome;
            if (!retry) yield break;
            // The failed extrinsic used the account nonce.
            accountNonce = null;
            solution = null;
        }
        throw new PowException(new PowError(ErrorIds.RegistrationAttemptsExhausted, PowErrorCategory.LimitsExceeded, netUid,
            $"No registration after {request.Submission.MaxAttempts} attempt(s): each proof expired, met a raised difficulty or a full " +
            "block before it landed.",
            "Raise -MaxAttempts, solve with a margin (-DifficultyMargin 1.26), or use a faster back end (-Cuda)."));
    }

    private static (BlockHeader Head, PowRegistrationState State) ReadState(ChainSession chain, ushort netUid, byte[] hotkey, byte[] coldkey,
        CancellationToken cancellation)
    {
        var head = chain.Head(cancellation);
        var query = new PowRegistrationQuery(netUid) { Hotkey = hotkey, Coldkey = coldkey };
        return (head, chain.Call(() => chain.Client.Subtensor.PowRegistrationStateAsync(query, head.Hash, cancellation)));
    }

    /// <summary>A given solution must be a pow_register one, for this hotkey, bound to the coldkey that will sign.</summary>
    private static void CheckGiven(Solution? given, byte[] hotkey, byte[] coldkey)
    {
        if (given is null) return;
        if (given.Challenge is not PowRegisterChallenge p)
            throw PowException.Argument(ErrorIds.SchemeMismatch, given,
                "The solution is for the legacy seal, and this runtime registers by pow_register (SPEC §10), " +
                "whose seal binds the subnet and the coldkey.",
                "Solve again with New-PowSolution -NetUid <n> against this node: it picks the runtime's seal.");
        if (!p.Hotkey.SequenceEqual(hotkey))
            throw PowException.Argument(ErrorIds.HotkeyMismatch, given,
                $"The solution is for hotkey {Ss58.Encode(p.Hotkey)}, but the wallet's hotkey is {Ss58.Encode(hotkey)}.",
                "Pass the -Wallet/-WalletHotkey the solution was solved for.");
        if (!p.Coldkey.SequenceEqual(coldkey))
            throw PowException.Argument(ErrorIds.ColdkeyMismatch, given,
                $"The solution's seal binds coldkey {Ss58.Encode(p.Coldkey)}, but coldkey {Ss58.Encode(coldkey)} " +
                "would sign pow_register; the pool would refuse it (Custom error 255).",
                "Register with the wallet whose coldkey the solution names, or solve again with this wallet (New-PowSolution -Wallet).");
    }

    /// <summary>
    /// The pool's refusal in the user's words: the custom codes SPEC §10 names (3, 25), and for 255 the check that fails
    /// when this client re-runs them on storage now.
    /// </summary>
    private static PowRegisterDiagnosis.Finding PoolVerdict(ChainSession chain, TransactionRejectedException rejected, Solution solution,
        byte[] coldkey, CancellationToken cancellation)
    {
        switch (rejected.Reason, rejected.CustomCode)
        {
            case (RejectionReason.Custom, 3): return new("SubnetNotExists", $"subnet {solution.NetUid} does not exist (custom error 3)", false);
            case (RejectionReason.Custom, 25): return new("NonAssociatedColdKey", "the hotkey belongs to another coldkey (custom error 25)", false);
            case (RejectionReason.PriorityTooLow, _):
                return new("DuplicateProof", "the pool already holds a pow_register for this hotkey and work block " +
                    "(this proof, or another coldkey's for the same block), and sets no priority to replace it", true);
            case (RejectionReason.AlreadyImported or RejectionReason.TemporarilyBanned, _):
                return new("DuplicateProof", "the pool already holds (or just refused) this very proof: " +
                    "the same (hotkey, work block) was submitted before", true);
            case (RejectionReason.Outdated or RejectionReason.AncientBirthBlock, _):
                return new("TransactionRejected", "the transaction's era or account nonce went stale", true);
            case (RejectionReason.Custom, _):
                var (head, state) = ReadState(chain, solution.NetUid!.Value, solution.Hotkey, coldkey, cancellation);
                return PowRegisterDiagnosis.FirstFailure(state, solution, head.Number)
                    ?? new("BadRequest", $"custom error {rejected.CustomCode}; every check passes on storage at head #{head.Number}, " +
                        "so it held at the block the pool judged by", true);
            default: return new(ErrorIds.TransactionRejected, rejected.Message, false);
        }
    }

    /// <summary>Why a block left the transaction out: the first check that fails on storage now.</summary>
    private static PowRegisterDiagnosis.Finding DroppedVerdict(ChainSession chain, Solution solution, byte[] coldkey, CancellationToken cancellation)
    {
        var (head, state) = ReadState(chain, solution.NetUid!.Value, solution.Hotkey, coldkey, cancellation);
        return PowRegisterDiagnosis.FirstFailure(state, solution, head.Number)
            ?? new(ErrorIds.TransactionRejected,
                $"every check passes on storage at head #{head.Number}, so it failed only in the block that dropped it", true);
    }

    private static PowException Refused(ChainSession chain, PowRegisterDiagnosis.Finding finding, Solution solution) =>
        PalletVerdict.Refuse(chain.Client, new PowError(finding.Check, PowErrorCategory.InvalidOperation, solution,
            $"pow_register would be refused: {finding.Why}.", "See the pallet's reason; nothing was submitted."));
}

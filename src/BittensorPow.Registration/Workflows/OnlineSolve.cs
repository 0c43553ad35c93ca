namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -NetUid: checks the subnet and the hotkey, then solves on the chain's head, following new heads.</summary>
public static class OnlineSolve
{
    /// <summary>
    /// Null when the hotkey is already registered (after a warning; on a pow_register runtime that is an error). The
    /// runtime decides the seal: pow_register's where the metadata lists it (SPEC §10), else the legacy one.
    /// </summary>
    public static Solution? Run(ChainSession chain, OnlineSolveRequest solve, IWorkflowOutput output, CancellationToken cancellation) =>
        chain.Client.RuntimeProfile.HasPowRegister
            ? RunPowRegister(chain, solve, output, cancellation)
            : RunLegacy(chain, solve, output, cancellation);

    private static Solution? RunLegacy(ChainSession chain, OnlineSolveRequest solve, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (netUid, hotkey, request) = solve;
        var (sealByteOrder, deadline) = (solve.SealByteOrder, solve.Deadline);
        var client = chain.Client;
        var profile = client.RuntimeProfile;
        var (order, rule) = SealRuleChoice.Choose(profile, sealByteOrder);
        output.Verbose($"Legacy seal, byte order {order}: {rule}.");
        if (!profile.RegisterVerifiesWork)
            output.Warning($"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: " +
                "it performs a burned registration paid by the signer. " +
                "The solution is still computed, but the chain will not look at it.");

        deadline?.Enter($"reading the head and subnet {netUid} from {chain.Endpoint}");
        var head = chain.Head(cancellation);
        var subnet = chain.Call(() => client.GetExistingSubnetAsync(netUid, head.Hash, cancellation));
        output.Verbose($"Head #{head.Number} {head.Hash}; subnet {netUid}: difficulty {subnet.Difficulty:N0}, " +
            $"PoW registration {(subnet.PowRegistrationAllowed ? "open" : "closed")}, " +
            $"registration {(subnet.RegistrationAllowed ? "open" : "closed")}, " +
            $"{subnet.RegistrationsThisInterval}/{subnet.TargetRegistrationsPerInterval} registrations this interval, " +
            $"{subnet.RegistrationsThisBlock}/{subnet.MaxRegistrationsPerBlock} this block.");
        if (!subnet.RegistrationAllowed)
            throw new PowException(new PowError(ErrorIds.RegistrationClosed, PowErrorCategory.PermissionDenied, netUid,
                $"Registration on subnet {netUid} is closed (NetworkRegistrationAllowed is false).",
                "Wait until the subnet owner opens registration."));
        if (!subnet.PowRegistrationAllowed)
            throw new PowException(new PowError(ErrorIds.PowRegistrationClosed, PowErrorCategory.PermissionDenied, netUid,
                $"Proof-of-work registration on subnet {netUid} is closed (NetworkPowRegistrationAllowed is false).",
                "Register with a burn (Register-SubtensorNeuron -MaxCost <TAO>) or wait until PoW registration opens."));
        RegistrationInterval.EnsureRoom(client, subnet);
        if (chain.Call(() => client.GetUidAsync(netUid, hotkey, head.Hash, cancellation)) is { } uid)
        {
            output.Warning($"Hotkey {Ss58.Encode(hotkey)} is already registered on subnet {netUid} as uid {uid}; nothing to solve.");
            return null;
        }

        deadline?.Enter($"solving on subnet {netUid} against {chain.Endpoint}", ErrorIds.PowSolveTimeout);
        var challenge = new LegacyChallenge(head.Number, head.Hash.AsSpan(), hotkey, order);
        var difficulty = new Difficulty(subnet.Difficulty).Times(solve.DifficultyMargin);
        return Solve(chain, new BlockTemplate(challenge, difficulty), solve with { SealByteOrder = sealByteOrder }, rule, output, cancellation);
    }

    /// <summary>pow_register (spec 475 on): the pallet's checks that need no work first, in one round trip; then the new seal on each head.</summary>
    private static Solution RunPowRegister(ChainSession chain, OnlineSolveRequest solve, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (netUid, hotkey, _) = solve;
        var deadline = solve.Deadline;
        if (solve.SealByteOrder == SealByteOrder.BigEndian)
            throw PowException.Argument(ErrorIds.SealByteOrderNotForScheme, solve.SealByteOrder,
                $"Runtime spec {chain.Client.RuntimeProfile.SpecVersion} registers by pow_register, " +
                "whose seal the pallet reads little-endian; -SealByteOrder BigEndian does not apply.",
                "Leave -SealByteOrder out: the runtime decides.");
        var coldkey = solve.Coldkey ?? solve.ReadColdkey?.Invoke() ?? throw PowException.Argument(ErrorIds.MissingColdkey, netUid,
            $"Runtime spec {chain.Client.RuntimeProfile.SpecVersion} registers by pow_register, " +
            "whose seal binds the coldkey that signs it, and no coldkey was given.",
            "Pass -Coldkey (SS58 or 0x public key) or -Wallet (its coldkeypub.txt is read; no secret).");
        deadline?.Enter($"reading the head and subnet {netUid} from {chain.Endpoint}");
        var head = chain.Head(cancellation);
        var query = new PowRegistrationQuery(netUid) { Hotkey = hotkey, Coldkey = coldkey };
        var state = chain.Call(() => chain.Client.Subtensor.PowRegistrationStateAsync(query, head.Hash, cancellation));
        output.Verbose(PowRegisterStateText.Describe(state, head));
        PowRegisterChecks.BeforeSolving(chain, state, hotkey, coldkey);

        deadline?.Enter($"solving pow_register's seal for subnet {netUid} against {chain.Endpoint}", ErrorIds.PowSolveTimeout);
        var challenge = new PowRegisterChallenge(netUid, head.Number, head.Hash.AsSpan(), hotkey, coldkey);
        var difficulty = new Difficulty(state.EffectiveDifficulty).Times(solve.DifficultyMargin);
        if (solve.DifficultyMargin > 1)
            output.Verbose($"Difficulty margin {solve.DifficultyMargin}: solving for {difficulty} " +
                $"instead of the chain's {state.EffectiveDifficulty:N0}.");
        output.Verbose($"PowRegisterV1 seal: {SealRuleChoice.PowRegisterRule}; work on head #{head.Number} stays valid " +
            $"until it is included in #{head.Number + Staleness.PowRegisterWindow}.");
        return Solve(chain, new BlockTemplate(challenge, difficulty), solve, SealRuleChoice.PowRegisterRule, output, cancellation);
    }

    private static Solution Solve(ChainSession chain, BlockTemplate first, OnlineSolveRequest solve, string rule, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        var request = solve.Solve;
        if (request.Spread is { } spread)
            return spread(new OnlineSolveTarget(chain, solve.NetUid, first.Challenge, rule) { DifficultyMargin = solve.DifficultyMargin }) with
            {
                DifficultyMargin = solve.DifficultyMargin,
            };
        var source = new SubnetTemplateSource(chain.Client, solve.NetUid, first, cancellation) { Margin = solve.DifficultyMargin };
        var following = new HeadFollowing(source, request, SolvePurpose.Register)
        {
            NetUid = solve.NetUid, SealRule = rule, SealOverride = solve.SealByteOrder, Coldkey = () => solve.Coldkey ?? solve.ReadColdkey?.Invoke(),
        };
        return FollowingHeads(chain, following, output, cancellation) with { DifficultyMargin = solve.DifficultyMargin };
    }

    /// <summary>
    /// Solves on <paramref name="source"/> while chain_subscribeNewHeads moves it to each new head and
    /// state_subscribeRuntimeVersion re-decides the seal rule on a runtime upgrade (<see cref="RuntimeFollower"/>).
    /// </summary>
    /// <exception cref="PowException">
    /// Also when an upgrade made the work pointless (PowRegistrationRemovedDuringSolve, FaucetNotAvailable).
    /// </exception>
    public static Solution FollowingHeads(ChainSession chain, HeadFollowing following, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        var source = following.Source;
        using var runtime = RuntimeFollower.Start(chain, following, output, cancellation);
        var subscription = chain.Call(() => chain.Client.SubscribeNewHeadsAsync(source.OnHead, cancellation));
        // A node that goes away: the search says what it was doing, pauses once its work is stale, and ends when the node is gone.
        using var away = new AwayPause(source, chain.Node);
        using var doing = chain.Node.Doing(() => Doing(following));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(runtime.Token, chain.Node.LostToken);
        try
        {
            var plan = new SearchPlan(SearcherFactory.For(following.Solve, output), source, following.Solve.SolverOptions)
            {
                NetUid = following.NetUid, Endpoint = chain.Endpoint, SealRule = following.SealRule, Node = chain.Node,
            };
            return SolutionSearch.Run(plan, output, stop.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && runtime.StopReason is { } reason)
        {
            while (source.Messages.TryDequeue(out var message)) output.Verbose(message);
            throw new PowException(reason);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && chain.Node.IsLost)
        {
            while (source.Messages.TryDequeue(out var message)) output.Verbose(message);
            chain.Node.Speak(output);
            throw chain.Node.Gone(after: "The search was stopped; every worker has ended.");
        }
        finally
        {
            // Not awaited: the unsubscribe's round trip would stand between a solution and its submission, and a head
            // that still arrives only moves a source nobody reads any more.
            _ = UnsubscribeAsync(subscription);
        }
    }

    /// <summary>What the search is doing, for the warning when the connection drops.</summary>
    private static string Doing(HeadFollowing following)
    {
        var work = following.Source.Current;
        string what = following.Purpose == SolvePurpose.Faucet
            ? "the faucet's proof of work"
            : $"registration work{(following.NetUid is { } n ? $" for subnet {n}" : "")}";
        return $"solving {what} on block #{work.BlockNumber} (difficulty {work.Difficulty.Value:N0})";
    }

    private static async Task UnsubscribeAsync(IAsyncDisposable subscription)
    {
        try { await subscription.DisposeAsync().ConfigureAwait(false); }
        catch (Exception) { } // the connection may close first; nothing is left to clean up then
    }

}

namespace BittensorPow.Registration.Solving;

/// <summary>
/// Follows state_subscribeRuntimeVersion for the length of one solve. On an upgrade it re-decides the seal rule for
/// the next template (and says so), or stops the search with a clear error when the new runtime would not look at the
/// work. A node that cannot be subscribed to leaves the solve as it was; signing re-reads the runtime anyway.
/// </summary>
public sealed class RuntimeFollower : IDisposable
{
    private readonly ChainSession _chain;
    private readonly HeadTemplateSource _source;
    private readonly SealByteOrder? _override;
    private readonly SolvePurpose _purpose;
    private readonly Func<byte[]?>? _coldkey;
    private readonly CancellationTokenSource _stop;
    private IAsyncDisposable? _subscription;
    private PowError? _stopReason;

    private RuntimeFollower(ChainSession chain, HeadTemplateSource source, SealByteOrder? sealOverride, SolvePurpose purpose, Func<byte[]?>? coldkey,
        CancellationToken cancellation)
    {
        _coldkey = coldkey;
        _chain = chain;
        _source = source;
        _override = sealOverride;
        _purpose = purpose;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    }

    /// <summary>Cancelled by the caller, or by an upgrade that makes the work pointless (<see cref="StopReason"/> says which).</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Why an upgrade stopped the search; null when none did.</summary>
    public PowError? StopReason => Volatile.Read(ref _stopReason);

    public static RuntimeFollower Start(ChainSession chain, HeadFollowing following, IWorkflowOutput output, CancellationToken cancellation)
    {
        var source = following.Source;
        var follower = new RuntimeFollower(chain, source, following.SealOverride, following.Purpose, following.Coldkey, cancellation);
        var client = chain.Client;
        client.RuntimeChanged += follower.OnChange;
        try
        {
            follower._subscription = client.FollowRuntimeAsync(
                e => source.Messages.Enqueue($"Could not load the node's new runtime: {e.Message}. It is read again before signing."),
                follower.Token).GetAwaiter().GetResult();
        }
        catch (RpcException e) when (e.Kind is RpcErrorKind.Remote or RpcErrorKind.MalformedReply)
        {
            output.Verbose($"The node does not follow runtime versions ({e.Message}); a runtime upgrade is noticed only when signing.");
        }
        // An upgrade between reading the runtime and subscribing: the subscription's first notice covers it.
        return follower;
    }

    private void OnChange(RuntimeChange change)
    {
        var before = change.Before.Profile;
        var after = change.After.Profile;
        _source.Messages.Enqueue($"The node upgraded its runtime from spec {before.SpecVersion} to spec {after.SpecVersion} " +
            $"(metadata V{after.MetadataVersion}) during the solve.");
        if (Refusal(before, after) is { } error)
        {
            Stop(error);
            return;
        }
        if (_purpose == SolvePurpose.Register && after.HasPowRegister && !before.HasPowRegister
            && _source is SubnetTemplateSource subnet)
        {
            // Reading the subnet's switch is a round trip: not on the thread that delivered the notice.
            _ = Task.Run(() => SwitchToPowRegisterAsync(subnet, after));
            return;
        }
        var (order, rule) = SealRuleChoice.Choose(after, _override);
        if (order != _source.Order)
        {
            _source.UseChallenge(c => c is LegacyChallenge legacy ? legacy.WithByteOrder(order) : c);
            _source.Messages.Enqueue($"Seal byte order now {order} from the next template on: {rule}.");
        }
    }

    /// <summary>
    /// An upgrade to a runtime with pow_register (SPEC §10): its seal binds the subnet and the coldkey, so the search goes
    /// on with that challenge where the subnet's PoW switch is on, and stops, naming burn registration, where it is off.
    /// </summary>
    private async Task SwitchToPowRegisterAsync(SubnetTemplateSource subnet, RuntimeProfile after)
    {
        string upgraded = $"The node at {_chain.Endpoint} upgraded its runtime to spec {after.SpecVersion} during the solve; " +
            "it registers by pow_register";
        try
        {
            byte[]? coldkey;
            try { coldkey = _coldkey?.Invoke(); }
            catch (PowException) { coldkey = null; }
            var hotkey = subnet.Current.Challenge.Hotkey.ToArray();
            if (coldkey is null)
            {
                Stop(new PowError(ErrorIds.MissingColdkey, PowErrorCategory.InvalidArgument, subnet.NetUid,
                    $"{upgraded}, whose seal binds the coldkey that signs it, and no coldkey was given, so the search was stopped.",
                    "Solve again with -Wallet (its coldkeypub.txt is read) or -Coldkey.")
                { Scope = PowErrorScope.Pipeline });
                return;
            }
            var client = _chain.Client;
            var head = await client.GetHeadAsync(Token).ConfigureAwait(false);
            var query = new PowRegistrationQuery(subnet.NetUid) { Hotkey = hotkey, Coldkey = coldkey };
            var state = await client.Subtensor.PowRegistrationStateAsync(query, head.Hash, Token).ConfigureAwait(false);
            if (!state.PowRegistrationAllowed)
            {
                Stop(new PowError(ErrorIds.PowRegistrationClosed, PowErrorCategory.PermissionDenied, subnet.NetUid,
                    $"{upgraded}, and proof-of-work registration on subnet {subnet.NetUid} is off there " +
                    "(NetworkPowRegistrationAllowed is false), so the search was stopped.",
                    $"Register by burn: Register-SubtensorNeuron -MaxCost <TAO> (now {Workflows.Tao.Format(state.Burn)} TAO), " +
                    "or wait for the subnet's owner.")
                { Scope = PowErrorScope.Pipeline });
                return;
            }
            // The pallet judges the new seal by the clamped difficulty: the current block's work goes to it at once.
            var difficulty = subnet.WithMargin(state.EffectiveDifficulty);
            _source.UseChallenge(c => new PowRegisterChallenge(subnet.NetUid, c.BlockNumber, c.BlockHash, c.Hotkey, coldkey), difficulty);
            _source.Messages.Enqueue($"Spec {after.SpecVersion} registers by pow_register: solving its seal (PowRegisterV1) for subnet " +
                $"{subnet.NetUid} and coldkey {Subtensor.Keys.Ss58.Encode(coldkey)} from now on, at the subnet's clamped difficulty " +
                $"{_source.Current.Difficulty.Value:N0}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _source.Messages.Enqueue($"Could not read subnet {subnet.NetUid} after the upgrade to spec {after.SpecVersion}: {e.Message}.");
            Stop(ChainFailures.Describe(e, _chain.Endpoint) ?? new PowError(ErrorIds.PowRegistrationRemovedDuringSolve,
                PowErrorCategory.InvalidOperation, after.SpecVersion, $"{upgraded}, and its subnet state could not be read: {e.Message}",
                "Solve again: New-PowSolution -NetUid <n> picks the new runtime's seal."));
        }
        catch (OperationCanceledException) { }
    }

    private void Stop(PowError error)
    {
        Volatile.Write(ref _stopReason, error);
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    private PowError? Refusal(RuntimeProfile before, RuntimeProfile after) => _purpose switch
    {
        SolvePurpose.Register when !after.RegisterVerifiesWork && before.RegisterVerifiesWork && !after.HasPowRegister => new PowError(
            ErrorIds.PowRegistrationRemovedDuringSolve, PowErrorCategory.InvalidOperation, after.SpecVersion,
            $"The node at {_chain.Endpoint} upgraded its runtime from spec {before.SpecVersion} to spec {after.SpecVersion} " +
            "during the solve; register there no longer checks proof of work (it burns TAO from the signer), so the search was stopped.",
            "Register by burn instead: Register-SubtensorNeuron -MaxCost <TAO> (the most TAO the coldkey may burn).")
        { Scope = PowErrorScope.Pipeline },
        SolvePurpose.Faucet when !after.HasFaucet => new PowError(
            ErrorIds.FaucetNotAvailable, PowErrorCategory.NotImplemented, _chain.Endpoint,
            $"The node at {_chain.Endpoint} upgraded its runtime to spec {after.SpecVersion} during the solve, " +
            "and that runtime has no SubtensorModule.faucet; the search was stopped.",
            "Use a local chain built with the pow-faucet feature.")
        { Scope = PowErrorScope.Pipeline },
        _ => null,
    };

    public void Dispose()
    {
        _chain.Client.RuntimeChanged -= OnChange;
        try { _subscription?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

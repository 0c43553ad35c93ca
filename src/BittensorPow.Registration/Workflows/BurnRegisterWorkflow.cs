namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Register-SubtensorNeuron on runtimes whose register no longer checks work (spec 397 on, SPEC §9): a burned
/// registration signed by the COLDKEY, which pays Burn(netuid) and owns the hotkey. Only with a cap: register_limit
/// carries it to the chain where the metadata lists that call; otherwise burned_register is submitted after this client
/// checked the burn against the cap at the current block.
/// </summary>
public static class BurnRegisterWorkflow
{
    /// <summary>One outcome for the submitted extrinsic; nothing when the hotkey is already registered or the user declined.</summary>
    /// <exception cref="PowException">No cap, a pre-check failed, or the chain failed.</exception>
    public static IEnumerable<RegistrationOutcome> Run(ChainSession chain, BurnRegisterRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        var client = chain.Client;
        var profile = client.RuntimeProfile;
        ushort netUid = request.NetUid;
        // By the time the coldkey signs (after the reads, the question and the unlock) the node has announced its runtime
        // on this subscription: signing then needs no state_getRuntimeVersion round trip on the way to submitting.
        chain.FollowRuntime();
        // -TimeoutSec bounds the one attempt from its start to inclusion (connecting included), not the time a person is asked.
        using var deadline = new CallDeadline(request.Submission.Timeout, cancellation, request.Submission.SpentConnecting, "the attempt")
        {
            Node = chain.Node,
        };
        var (head, subnet, burn) = deadline.Run($"reading the head, subnet {netUid} and its burn from {chain.Endpoint}", ErrorIds.RpcTimeout, t =>
        {
            var at = chain.Head(t);
            return (at, chain.Call(() => client.GetExistingSubnetAsync(netUid, at.Hash, t)),
                chain.Call(() => client.Subtensor.BurnAsync(netUid, at.Hash, t)));
        });
        output.Verbose($"Head #{head.Number}: subnet {netUid} burn {Tao.Format(burn)} TAO, " +
            $"registration {(subnet.RegistrationAllowed ? "open" : "closed")}.");
        if (request.MaxCostRao is not { } cap)
            throw PowException.Pipeline(ErrorIds.PowRegistrationRemoved, PowErrorCategory.InvalidOperation, netUid,
                $"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: registering on subnet {netUid} " +
                $"burns TAO from the coldkey, {Tao.Format(burn)} TAO at block #{head.Number}.",
                $"Pass -MaxCost <TAO> (at least {Tao.Format(burn)}) to register by burning at most that much, signed by the coldkey.");
        if (!subnet.RegistrationAllowed)
            throw new PowException(new PowError(ErrorIds.RegistrationClosed, PowErrorCategory.PermissionDenied, netUid,
                $"Registration on subnet {netUid} is closed (NetworkRegistrationAllowed is false).",
                "Wait until the subnet owner opens registration."));
        if (deadline.Run($"reading whether the hotkey is registered on subnet {netUid}", ErrorIds.RpcTimeout,
                t => chain.Call(() => client.GetUidAsync(netUid, request.Hotkey, head.Hash, t))) is { } uid)
        {
            output.Warning($"Hotkey {Ss58.Encode(request.Hotkey)} is already registered on subnet {netUid} as uid {uid}; nothing to burn.");
            yield break;
        }

        bool limitOnChain = profile.HasRegisterLimit;
        string call = limitOnChain ? "register_limit" : "burned_register";
        if (limitOnChain)
            output.Verbose($"register_limit carries the cap of {Tao.Format(cap)} TAO: the chain refuses " +
                "(RegistrationPriceLimitExceeded, nothing charged) if the burn is higher when it executes.");
        else
            output.Warning($"This runtime's metadata does not list register_limit: the cap of {Tao.Format(cap)} TAO is checked " +
                $"by this client against the burn at block #{head.Number}, not by the chain; " +
                "burned_register pays whatever the burn is when it executes.");
        // burned_register has no other guard, so its check never yields to -SkipValidation.
        if (burn > cap && (!limitOnChain || !request.SkipValidation))
            throw PalletVerdict.Refuse(client, new PowError("RegistrationPriceLimitExceeded", PowErrorCategory.LimitsExceeded, netUid,
                $"The burn on subnet {netUid} is {Tao.Format(burn)} TAO at block #{head.Number}, above -MaxCost {Tao.Format(cap)} TAO: " +
                "nothing was signed or submitted.",
                $"Raise -MaxCost to at least {Tao.Format(burn)} if you accept that burn, or wait for it to fall."));
        if (!request.SkipValidation)
        {
            var free = deadline.Run("reading the coldkey's balance", ErrorIds.RpcTimeout,
                t => chain.Call(() => client.Subtensor.AccountAsync(request.ColdkeyPublic, head.Hash, t))).Free;
            if (free < burn)
                throw PalletVerdict.Refuse(client, new PowError("NotEnoughBalanceToStake", PowErrorCategory.LimitsExceeded,
                    Ss58.Encode(request.ColdkeyPublic),
                    $"Coldkey {Ss58.Encode(request.ColdkeyPublic)} has {Tao.Format(free)} TAO free at block #{head.Number}, " +
                    $"less than the burn of {Tao.Format(burn)} TAO on subnet {netUid}.",
                    "Fund the coldkey (on a local chain: Request-SubtensorFaucet), then register again."));
        }

        string coldkeySs58 = Ss58.Encode(request.ColdkeyPublic);
        Sr25519KeyPair coldkey;
        using (deadline.Paused())
        {
            if (!output.ShouldProcess($"hotkey {Ss58.Encode(request.Hotkey)} on subnet {netUid} at {chain.Endpoint}",
                    $"Register by {call}, burning {Tao.Format(burn)} TAO now (at most {Tao.Format(cap)} TAO) " +
                    $"from coldkey {coldkeySs58}, which will own the hotkey"))
                yield break;
            output.Verbose($"Unlocking coldkey {coldkeySs58}.");
            coldkey = request.UnlockColdkey();
        }
        using var unlocked = coldkey;
        SignedTransaction Sign(CancellationToken t) => chain.Call(() => limitOnChain
            ? SubtensorTransactions.BuildRegisterLimitAsync(client, coldkey, request.Hotkey, netUid, cap, null, t)
            : SubtensorTransactions.BuildBurnedRegisterAsync(client, coldkey, request.Hotkey, netUid, null, t));
        var transaction = deadline.Run($"reading chain state to sign {call}", ErrorIds.RpcTimeout, Sign);
        // An upgrade that lands between signing and the pool: signed again for the runtime the node now runs.
        var submitted = deadline.Run(t => TransactionRunner.Submit(chain,
            new Submission(transaction, request.Submission.Wait, request.Submission.Timeout) { Deadline = deadline, Resign = () => Sign(t) },
            output, t));
        var outcome = new RegistrationOutcome(submitted, netUid, request.Hotkey, attempt: 1);
        if (submitted.DispatchError is { } error)
            outcome = outcome with
            {
                Error = PalletVerdict.FromDispatch(error, outcome, error.ErrorName switch
                {
                    "RegistrationPriceLimitExceeded" =>
                        $"The burn passed {Tao.Format(cap)} TAO first: see Get-SubtensorBlock -NetUid {netUid}, then raise -MaxCost.",
                    "NotEnoughBalanceToStake" => "Fund the coldkey (on a local chain: Request-SubtensorFaucet), then register again.",
                    _ => "See the pallet's reason above.",
                }),
            };
        else if (submitted.Success == true)
            output.Verbose($"Registered: {submitted.Registration} in block {submitted.BlockHash}, owned by coldkey {coldkeySs58}.");
        yield return outcome;
    }
}

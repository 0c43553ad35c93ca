namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Register-SubtensorNeuron's one entry: merges the subnet of a piped solution with -NetUid, chooses from the runtime
/// how to register (<see cref="RegistrationRoutes"/>), reads the wallet for that route only, and runs it.
/// </summary>
public static class RegisterNeuron
{
    /// <summary>Connects (the first attempt's -TimeoutSec counts it), then registers; one outcome per submitted extrinsic.</summary>
    /// <exception cref="PowException">The request cannot be met (see each route), or the chain or a back end failed.</exception>
    public static IEnumerable<RegistrationOutcome> Run(RegisterNeuronRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        // Before connecting: a piped solution that names no subnet is refused without a round trip.
        ushort netUid = NetUidOf(request);
        // A piped solution's endpoint is a default: -Network given on the command line wins over it.
        var node = request.Node is { Endpoint: null, Network: null } && request.Solution?.Endpoint is { } piped
            ? request.Node with { Endpoint = piped }
            : request.Node;
        var (chain, submission) = request.Submission.Connect(d => request.Sessions is { } kept
            ? kept.Get(node, output, d)
            : ChainSession.Connect(node, output, d), "each attempt", cancellation);
        request = request with { Submission = submission };
        // A pipeline's kept session outlives this record.
        using (request.Sessions is null ? chain : null)
        {
            var route = RegistrationRoutes.For(chain.Client.RuntimeProfile, request.MaxCost is not null);
            // Solving here by work: -MaxDifficulty and -WaitForPow decide when it may start.
            if (route != RegistrationRoute.Burn && request.Solution is null)
                PowGate.Pass(chain,
                    new PowGateRequest(netUid, request.Submission.Timeout) { WaitForPow = request.WaitForPow, MaxDifficulty = request.MaxDifficulty },
                    output, cancellation);
            var outcomes = route switch
            {
                RegistrationRoute.Burn => ByBurn(chain, netUid, request, output, cancellation),
                RegistrationRoute.PowRegister => ByPowRegister(chain, netUid, request, output, cancellation),
                _ => ByWork(chain, netUid, request, output, cancellation),
            };
            foreach (var outcome in outcomes) yield return outcome;
        }
    }

    /// <summary>A piped solution names its subnet; without one, -NetUid does.</summary>
    private static ushort NetUidOf(RegisterNeuronRequest request) => request.Solution switch
    {
        null => request.NetUid ?? throw new ArgumentException("A registration without a solution needs a NetUid.", nameof(request)),
        { NetUid: { } fromSolution } => fromSolution,
        var s => throw PowException.Argument(ErrorIds.MissingSolutionField, s,
            "The solution carries no NetUid: it was solved offline, so it does not say which subnet it is for.",
            "Solve with New-PowSolution -NetUid <n>, or use Register-SubtensorNeuron -NetUid <n> to solve and register in one go."),
    };

    private static IEnumerable<RegistrationOutcome> ByWork(ChainSession chain, ushort netUid, RegisterNeuronRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        if (request.Wallet.Hotkey is not null)
            throw PowException.Argument(ErrorIds.HotkeyCannotSign, Ss58.Encode(request.Wallet.Hotkey),
                $"Runtime spec {chain.Client.RuntimeProfile.SpecVersion} registers with register, which the hotkey signs: " +
                "a hotkey given by its address cannot sign.",
                "Name a hotkey of the wallet with -WalletHotkey instead of -Hotkey.");
        var coldkey = request.Wallet.ColdkeyPublicKey();
        using var hotkey = request.Wallet.HotkeyPair();
        var register = new RegisterRequest(netUid, hotkey, coldkey, request.Solve)
        {
            Solution = request.Solution, SealByteOrder = request.SealByteOrder, Submission = request.Submission,
            SkipValidation = request.SkipValidation,
        };
        foreach (var outcome in RegisterWorkflow.Run(chain, register, output, cancellation)) yield return outcome;
    }

    private static IEnumerable<RegistrationOutcome> ByPowRegister(ChainSession chain, ushort netUid, RegisterNeuronRequest request,
        IWorkflowOutput output, CancellationToken cancellation)
    {
        var register = new PowRegisterRequest(netUid, request.Wallet, request.Solve)
        {
            Solution = request.Solution, DifficultyMargin = request.DifficultyMargin, Submission = request.Submission,
            SkipValidation = request.SkipValidation,
        };
        return PowRegisterWorkflow.Run(chain, register, output, cancellation);
    }

    private static IEnumerable<RegistrationOutcome> ByBurn(ChainSession chain, ushort netUid, RegisterNeuronRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        ulong? cap = request.MaxCost is { } tao ? CapInRao(tao) : null;
        if (request.Solution is not null)
            output.Warning($"Runtime spec {chain.Client.RuntimeProfile.SpecVersion} does not look at the proof of work: " +
                $"the piped solution only names the subnet ({netUid}).");
        var wallet = request.Wallet;
        var burn = new BurnRegisterRequest(netUid, wallet.HotkeyPublicKey(), wallet.ColdkeyPublicKey(), wallet.Coldkey, cap)
        {
            Submission = request.Submission, SkipValidation = request.SkipValidation,
        };
        return BurnRegisterWorkflow.Run(chain, burn, output, cancellation);
    }

    private static ulong CapInRao(decimal tao)
    {
        try { return Tao.ToRao(tao); }
        catch (OverflowException)
        {
            throw PowException.Parameter(ErrorIds.InvalidMaxCost, tao, $"-MaxCost {tao} is not an amount of TAO the chain can hold.",
                "Give a non-negative amount of TAO, e.g. -MaxCost 1.5.");
        }
    }
}

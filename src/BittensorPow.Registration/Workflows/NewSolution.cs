namespace BittensorPow.Registration.Workflows;

/// <summary>
/// New-PowSolution's work: offline or online, on this machine or spread over hosts where the first solution that holds
/// here wins. The solution comes back with the spread search that found it, if one did.
/// </summary>
public static class NewSolution
{
    /// <exception cref="PowException">
    /// ConflictingParameters (a coldkey for the legacy seal, which binds none); what the solve, the chain or the hosts throw.
    /// </exception>
    public static (Solution? Solution, SpreadOutcome? Spread) Run(NewSolutionRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        if (request.Offline is { } offline)
        {
            if (offline.Work is { Scheme: SealScheme.Legacy, Coldkey: not null })
                throw PowException.Parameter(ErrorIds.ConflictingParameters, "-Coldkey",
                    "-Coldkey applies to the PowRegisterV1 seal; the legacy seal binds no coldkey.",
                    "Add -Scheme PowRegisterV1 (with -NetUid) to solve for pow_register, or leave -Coldkey out.");
            if (request.Spread is not { } plan) return (OfflineSolve.Run(offline, output, cancellation), null);
            var (challenge, rule) = offline.Work.ToChallenge();
            var template = new BlockTemplate(challenge, Difficulties.FromUser(offline.Difficulty));
            var outcome = SpreadSearch.Run(plan, SpreadTarget.Offline(template, rule), output, cancellation);
            return (outcome.Solution, outcome);
        }
        var online = request.Online ?? throw new ArgumentException("The request names neither offline nor online work.", nameof(request));
        using var deadline = new CallDeadline(request.Timeout, cancellation);
        using var chain = ChainSession.Connect(request.Node, output, deadline);
        if (request.Spread is not { } hosts)
            return (deadline.Run(t => OnlineSolve.Run(chain, online with { Deadline = deadline }, output, t)), null);
        SpreadOutcome? last = null;
        var spread = new SolveRequest(PowBackend.Cpu)
        {
            Spread = target => (last = SpreadSearch.Run(hosts, SpreadTarget.OnChain(target), output, cancellation)).Solution,
        };
        var solution = OnlineSolve.Run(chain, online with { Solve = spread }, output, cancellation);
        return (solution, last);
    }
}

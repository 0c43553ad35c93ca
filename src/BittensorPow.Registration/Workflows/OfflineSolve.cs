namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -BlockHash: solves one given block, no chain involved.</summary>
public static class OfflineSolve
{
    public static Solution Run(OfflineSolveRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var difficulty = Difficulties.FromUser(request.Difficulty);
        var (challenge, rule) = request.Work.ToChallenge();
        output.Verbose($"{challenge.Scheme} seal, byte order {challenge.ByteOrder}: {rule}.");
        var template = new BlockTemplate(challenge, difficulty);
        var plan = new SearchPlan(SearcherFactory.For(request.Solve, output), new FixedTemplateSource(template), request.Solve.SolverOptions)
        {
            NetUid = request.Work.NetUid, SealRule = rule,
        };
        return SolutionSearch.Run(plan, output, cancellation);
    }
}

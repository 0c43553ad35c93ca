using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -BlockHash: solves one given block, no chain involved.</summary>
public static class OfflineSolve
{
    public static Solution Run(BlockHash blockHash, ulong blockNumber, ulong difficulty, byte[] hotkey, SealByteOrder? order,
        SolveRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var target = Difficulties.FromUser(difficulty);
        var (byteOrder, rule) = SealRuleChoice.Offline(order);
        output.Verbose($"Seal byte order {byteOrder}: {rule}.");
        var template = new BlockTemplate(new LegacyChallenge(blockNumber, blockHash.AsSpan(), hotkey, byteOrder), target);
        var searchers = OnlineSolve.CreateSearchers(request, output);
        return Search.Run(searchers, new FixedTemplateSource(template), request.SolverOptions, output, cancellation, netUid: null, endpoint: null, rule);
    }
}

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
        if (difficulty == 0)
            throw PowException.Argument(ErrorIds.ZeroDifficulty, difficulty,
                "Difficulty 0 is not a real difficulty: the chain would accept any seal, so there is nothing to solve.",
                "Pass the subnet's difficulty (Get-SubtensorBlock -NetUid shows it), at least 1.");
        var (byteOrder, rule) = SealRuleChoice.Offline(order);
        output.Verbose($"Seal byte order {byteOrder}: {rule}.");
        var template = new BlockTemplate(blockNumber, blockHash.AsSpan(), hotkey, difficulty, byteOrder);
        var searchers = OnlineSolve.CreateSearchers(request, output);
        return Search.Run(searchers, new FixedTemplateSource(template), request.SolverOptions, output, cancellation, netUid: null, endpoint: null, rule);
    }
}

namespace BittensorPow.Registration.Workflows;

/// <summary>New-PowSolution -BlockHash: the work as the user gave it, the difficulty to meet, and how to search.</summary>
public sealed record OfflineSolveRequest(WorkBinding Work, ulong Difficulty, SolveRequest Solve);

namespace BittensorPow.Engine.Solving;

/// <summary>Exhausted: every position of the range given by SolverOptions.NonceCount was tried without a hit.</summary>
public enum SolveOutcome { Solved, TimedOut, Cancelled, Failed, Exhausted }

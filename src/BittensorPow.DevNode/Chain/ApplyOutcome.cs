namespace BittensorPow.DevNode.Chain;

/// <summary>Applied: in the block (its dispatch may still have failed, which its events tell). Future: stays in the pool. Invalid: dropped.</summary>
public enum ApplyOutcome { Applied, Future, Invalid }

namespace BittensorPow.Subtensor.Chain;

/// <summary>The runtime the node switched to, and the one it replaced.</summary>
public sealed record RuntimeChange(RuntimeState Before, RuntimeState After);

namespace BittensorPow.Subtensor.Chain.Blocks;

/// <summary>The node does not have the block asked for (by number or hash).</summary>
public sealed class BlockNotFoundException(string message, ulong? number = null) : Exception(message)
{
    public ulong? Number { get; } = number;
}

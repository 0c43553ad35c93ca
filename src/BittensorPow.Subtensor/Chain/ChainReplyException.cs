namespace BittensorPow.Subtensor.Chain;

/// <summary>The node answered, but not with what the method promises (a header that is not a header, a value that does not decode).</summary>
public sealed class ChainReplyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The node does not have the block asked for (by number or hash).</summary>
public sealed class BlockNotFoundException(string message, ulong? number = null) : Exception(message)
{
    public ulong? Number { get; } = number;
}

/// <summary>The subnet asked for does not exist on this chain (SubtensorModule.NetworksAdded is false).</summary>
public sealed class SubnetNotFoundException(ushort netuid)
    : Exception($"Subnet {netuid} does not exist on this chain.")
{
    public ushort NetUid { get; } = netuid;
}

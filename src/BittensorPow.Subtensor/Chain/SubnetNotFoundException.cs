namespace BittensorPow.Subtensor.Chain;

/// <summary>The subnet asked for does not exist on this chain (SubtensorModule.NetworksAdded is false).</summary>
public sealed class SubnetNotFoundException(ushort netuid)
    : Exception($"Subnet {netuid} does not exist on this chain.")
{
    public ushort NetUid { get; } = netuid;
}

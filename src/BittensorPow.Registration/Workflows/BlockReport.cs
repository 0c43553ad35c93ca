using BittensorPow.Engine;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Runtime;

namespace BittensorPow.Registration.Workflows;

/// <summary>A block, the runtime that produced it, and (when asked) a subnet's registration state at it.</summary>
public sealed record BlockReport(BlockHeader Header, RuntimeProfile Profile, string Endpoint)
{
    /// <summary>The seal byte order this runtime's rule reads.</summary>
    public SealByteOrder SealByteOrder { get; init; }
    public SubnetInfo? Subnet { get; init; }

    /// <summary>Burn(netuid) in rao at the block; null without a subnet or when it does not exist.</summary>
    public ulong? BurnRao { get; init; }
}

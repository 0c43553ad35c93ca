namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-SubtensorBlock: a block and, with -NetUid, the subnet's registration state at that block.</summary>
public sealed class SubtensorBlock
{
    public ulong Number { get; init; }
    public string Hash { get; init; } = "";
    public string ParentHash { get; init; } = "";
    public string SpecName { get; init; } = "";
    public uint SpecVersion { get; init; }
    public string Endpoint { get; init; } = "";
    public ushort? NetUid { get; init; }
    public bool? SubnetExists { get; init; }
    public ulong? Difficulty { get; init; }
    public bool? PowRegistrationAllowed { get; init; }
    public bool? RegistrationAllowed { get; init; }
    public Engine.SealByteOrder SealByteOrder { get; init; }
    /// <summary>Whether this runtime's register still checks the work (false from spec 397: it burns).</summary>
    public bool RegisterVerifiesWork { get; init; }
    /// <summary>With -NetUid: Burn(netuid) in TAO at this block, what a burned registration costs now.</summary>
    public decimal? Burn { get; init; }
    /// <summary>Listed or NotListed: whether the metadata lists SubtensorModule.faucet. Listed is not enabled: older runtimes list it in builds without pow-faucet and answer FaucetDisabled.</summary>
    public string FaucetCall { get; init; } = "";
    /// <summary>Listed or NotListed: whether the metadata lists register_limit (a burn the chain caps).</summary>
    public string RegisterLimitCall { get; init; } = "";
}

namespace BittensorPow.Registration.Workflows;

/// <summary>The subnets at one block, sorted by netuid, and the rate their solve times were estimated with.</summary>
public sealed record SubnetListingReport(BlockHeader Header, RuntimeProfile Profile, string Endpoint)
{
    public IReadOnlyList<SubnetRow> Subnets { get; init; } = [];

    /// <summary>One per subnet asked for with -NetUid that does not exist: written, and the listing goes on.</summary>
    public IReadOnlyList<PowError> Errors { get; init; } = [];

    /// <summary>The seal registration by work takes on this runtime (what the rate was measured on); null where only burning registers.</summary>
    public SealScheme? Scheme { get; init; }

    /// <summary>Seals per second the estimates use; null when none was measured or given.</summary>
    public double? HashRate { get; init; }

    /// <summary>Where the rate came from: the measured back end's name, or "given" for -HashRate.</summary>
    public string? HashRateSource { get; init; }
}

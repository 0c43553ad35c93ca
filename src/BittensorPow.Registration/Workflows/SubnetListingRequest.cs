namespace BittensorPow.Registration.Workflows;

/// <summary>Get-SubtensorSubnet: which node, which subnets (null: all), and how fast the solver that would register is.</summary>
public sealed record SubnetListingRequest(NodeChoice Node, TimeSpan Timeout)
{
    /// <summary>-NetUid: only these subnets; null lists every subnet NetworksAdded holds.</summary>
    public IReadOnlyList<ushort>? NetUids { get; init; }

    /// <summary>-PowOpen: keep only subnets whose NetworkPowRegistrationAllowed is on.</summary>
    public bool PowOpenOnly { get; init; }

    /// <summary>-HashRate: seals per second to estimate with; null measures <see cref="Measure"/> once.</summary>
    public double? HashRate { get; init; }

    /// <summary>The back end to measure briefly when no rate is given; null: no estimate.</summary>
    public SolveRequest? Measure { get; init; }

    /// <summary>How long the one measurement runs: long enough for a steady rate, short enough for a listing.</summary>
    public double MeasureSeconds { get; init; } = 0.75;
}

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Get-SubtensorSubnet: where registration is open and what it costs. Three round trips after connecting, however many
/// subnets: the head, the netuids (NetworksAdded's keys, 1000 a page), then every item of every subnet in one
/// state_queryStorageAt. Then, when no rate is given, one short measurement of the chosen back end on this runtime's seal.
/// </summary>
public static class SubnetListing
{
    /// <summary>-TimeoutSec bounds connecting and the reads; the measurement has its own short limit.</summary>
    public static SubnetListingReport Run(SubnetListingRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        SubnetListingReport report;
        using (var deadline = new CallDeadline(request.Timeout, cancellation))
        using (var chain = ChainSession.Connect(request.Node, output, deadline))
            report = Read(chain, request, deadline);
        return Estimate(report, request, output, cancellation);
    }

    /// <summary>The chain part: the subnets' state at the head, filtered as asked, without estimates.</summary>
    public static SubnetListingReport Read(ChainSession chain, SubnetListingRequest request, CallDeadline deadline)
    {
        var client = chain.Client;
        var header = deadline.Run($"reading the head from {chain.Endpoint}", ErrorIds.RpcTimeout, chain.Head);
        var at = header.Hash;
        IReadOnlyList<ushort> netUids = request.NetUids is { } asked ? [.. asked.Distinct().Order()]
            : deadline.Run($"listing the subnets at block {header.Number} from {chain.Endpoint}", ErrorIds.RpcTimeout,
                t => chain.Call(() => client.Subtensor.NetUidsAsync(at, t)));
        var states = deadline.Run($"reading {netUids.Count} subnet(s) at block {header.Number} from {chain.Endpoint}", ErrorIds.RpcTimeout,
            t => chain.Call(() => client.Subtensor.PowRegistrationStatesAsync([.. netUids.Select(u => new PowRegistrationQuery(u))], at, t)));
        var profile = client.RuntimeProfile;
        var errors = states.Where(s => !s.SubnetExists).Select(s => new PowError(ErrorIds.SubnetNotFound, PowErrorCategory.ObjectNotFound, s.NetUid,
            $"Subnet {s.NetUid} does not exist on {chain.Endpoint} at block {header.Number}.",
            "Run Get-SubtensorSubnet without -NetUid to list the subnets there are."));
        var rows = states.Where(s => s.SubnetExists && (!request.PowOpenOnly || s.PowRegistrationAllowed))
            .Select(s => new SubnetRow(s, profile.HasPowRegister ? s.EffectiveDifficulty : s.Difficulty));
        SealScheme? scheme = profile.HasPowRegister ? SealScheme.PowRegisterV1 : profile.RegisterVerifiesWork ? SealScheme.Legacy : null;
        return new SubnetListingReport(header, profile, chain.Endpoint) { Subnets = [.. rows], Errors = [.. errors], Scheme = scheme };
    }

    /// <summary>Adds D ÷ rate to every row: the given rate, or one measurement of the chosen back end on the runtime's seal.</summary>
    public static SubnetListingReport Estimate(SubnetListingReport report, SubnetListingRequest request, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        if (report.Scheme is not { } scheme || report.Subnets.Count == 0) return report;
        double rate;
        string source;
        if (request.HashRate is { } given) (rate, source) = (given, "given");
        else if (request.Measure is { } solve)
        {
            var measured = HashRateMeasurement.Run(new HashRateRequest(solve, request.MeasureSeconds) { Scheme = scheme }, output, cancellation);
            (rate, source) = (measured.SealsPerSecond, measured.Backend);
            output.Verbose($"Measured {measured.Backend} on the {scheme} seal: {Solving.SolveRunner.FormatRate(rate)} " +
                $"over {measured.Elapsed.TotalSeconds:F2} s.");
        }
        else return report;
        if (!(rate > 0)) return report with { HashRate = rate, HashRateSource = source };
        return report with
        {
            HashRate = rate,
            HashRateSource = source,
            Subnets = [.. report.Subnets.Select(r => r with { EstimatedSolveTime = SubnetRow.SolveTime(r.Difficulty, rate) })],
        };
    }
}

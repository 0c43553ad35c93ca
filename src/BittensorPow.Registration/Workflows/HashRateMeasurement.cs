namespace BittensorPow.Registration.Workflows;

/// <summary>Measure-PowHashRate: seals per second of a back end on a random challenge of the chosen scheme.</summary>
public static class HashRateMeasurement
{
    public static HashRateReport Run(HashRateRequest request, IWorkflowOutput output, CancellationToken cancellation)
    {
        var options = request.Solve.SolverOptions with { Timeout = TimeSpan.FromSeconds(request.Seconds) };
        var searchers = SearcherFactory.For(request.Solve, output);
        // D = 2^64 − 1 leaves T ≈ 2^192: a hit has probability 2^-64 per seal, so the run always ends on time.
        var template = new BlockTemplate(RandomChallenge(request.Scheme), new Difficulty(ulong.MaxValue));
        string name = searchers[0].Name;
        try
        {
            using var session = PowSolver.Start(searchers, new FixedTemplateSource(template), options, cancellation);
            var display = new SolveDisplay(ProgressActivity.MeasuringHashRate, $"Measuring {name} ({request.Scheme} seal)")
            {
                Describe = s => $"{SolveRunner.FormatRate(s.HashRate)}, {s.NoncesTried:N0} seals, {s.Elapsed.TotalSeconds:F1} of {request.Seconds} s",
            };
            var result = SolveRunner.Run(session, display, output, cancellation);
            if (result.Outcome == SolveOutcome.Failed)
                throw new PowException(new PowError(ErrorIds.PowSolveFailed, PowErrorCategory.DeviceError, request.Solve.Backend,
                    $"Back end {name} failed: {result.Error?.Message}", "Try another back end.")
                { Inner = result.Error });
            var s = result.Statistics;
            return new HashRateReport(name, searchers.Count, request.Scheme, s.NoncesTried, s.Elapsed);
        }
        finally
        {
            foreach (var searcher in searchers) searcher.Dispose();
        }
    }

    private static Challenge RandomChallenge(SealScheme scheme) => scheme switch
    {
        SealScheme.PowRegisterV1 => new PowRegisterChallenge((ushort)RandomNumberGenerator.GetInt32(1, 128), 1, Random32(), Random32(), Random32()),
        _ => new LegacyChallenge(1, Random32(), Random32(), SealByteOrder.LittleEndian),
    };

    private static byte[] Random32() => RandomNumberGenerator.GetBytes(32);
}

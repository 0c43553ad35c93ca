namespace BittensorPow.Registration.Solving;

/// <summary>
/// A solve's numbers as plain data, written beside its progress (at most once a second, and at its end): scripts read them
/// with -InformationVariable, and a spread search's coordinator reads its hosts' by <see cref="Tag"/>. They travel as a
/// dictionary of numbers (<see cref="ToFields"/>): PowerShell remoting carries a dictionary whole inside a record, where it
/// flattens any other object to its text.
/// </summary>
public sealed record SolveReport
{
    public const string Tag = "BittensorPow.Partition";

    /// <summary>The first position of the solve's range and how many it may try (null: no limit).</summary>
    public required ulong NonceStart { get; init; }
    public ulong? NonceCount { get; init; }
    public required ulong NoncesTried { get; init; }
    /// <summary>Seals per second: the recent rate, or the average before there is one.</summary>
    public required double HashRate { get; init; }
    public required ulong BlockNumber { get; init; }
    public required int BlocksSeen { get; init; }
    public required double ElapsedSeconds { get; init; }
    /// <summary>The difficulty the host searches at now (null from a host whose module predates it).</summary>
    public ulong? Difficulty { get; init; }

    public static SolveReport From(SolverStatistics s) => new()
    {
        NonceStart = s.NonceStart, NonceCount = s.NonceCount, NoncesTried = s.NoncesTried, HashRate = s.HashRate > 0 ? s.HashRate : s.HashRateAverage,
        BlockNumber = s.BlockNumber, BlocksSeen = s.BlocksSeen, ElapsedSeconds = s.Elapsed.TotalSeconds, Difficulty = s.Difficulty,
    };

    public Hashtable ToFields() => new()
    {
        [nameof(NonceStart)] = NonceStart, [nameof(NonceCount)] = NonceCount, [nameof(NoncesTried)] = NoncesTried, [nameof(HashRate)] = HashRate,
        [nameof(BlockNumber)] = BlockNumber, [nameof(BlocksSeen)] = BlocksSeen, [nameof(ElapsedSeconds)] = ElapsedSeconds,
        [nameof(Difficulty)] = Difficulty,
    };

    /// <summary>The report <see cref="ToFields"/> wrote; null when a field is missing or not a number (another module version).</summary>
    public static SolveReport? Read(IDictionary fields)
    {
        T Get<T>(string name) =>
            (T)Convert.ChangeType(fields[name] ?? throw new FormatException($"no {name}"), typeof(T), CultureInfo.InvariantCulture);
        try
        {
            return new SolveReport
            {
                NonceStart = Get<ulong>(nameof(NonceStart)), NonceCount = fields[nameof(NonceCount)] is null ? null : Get<ulong>(nameof(NonceCount)),
                NoncesTried = Get<ulong>(nameof(NoncesTried)), HashRate = Get<double>(nameof(HashRate)),
                BlockNumber = Get<ulong>(nameof(BlockNumber)), BlocksSeen = Get<int>(nameof(BlocksSeen)),
                ElapsedSeconds = Get<double>(nameof(ElapsedSeconds)),
                Difficulty = fields[nameof(Difficulty)] is null ? null : Get<ulong>(nameof(Difficulty)),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }
}

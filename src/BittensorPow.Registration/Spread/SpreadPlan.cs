namespace BittensorPow.Registration.Spread;

/// <summary>
/// Who searches and how: the hosts, the New-PowSolution solving parameters every host gets, each host's own
/// (-HostParameters: checked here, before any work), and the position the partitions start from.
/// </summary>
public sealed class SpreadPlan
{
    // The search sets these the same for every host (the target) or partitions them: never one host's own.
    private static readonly string[] Reserved =
        ["NonceStart", "NonceCount", "Session", "HostName", "HostParameters", "NetUid", "BlockHash", "BlockNumber", "Difficulty", "Hotkey",
         "SealByteOrder", "Scheme", "Coldkey", "Endpoint", "Network"];

    // A host's own back end replaces the common choice whole: -Backend Cpu for all and -Cuda for one host is no conflict.
    private static readonly string[] BackendChoice = ["Backend", "Cuda", "OpenCL"];

    private readonly Dictionary<string, object?>[] _own;

    /// <param name="hostParameters">Per host name (or host without its port), a dictionary of that host's own parameters.</param>
    /// <exception cref="PowException">
    /// AllHostsFailed: no host. InvalidHostParameters: an unknown host, not a dictionary, or a parameter the search sets.
    /// </exception>
    public SpreadPlan(IReadOnlyList<ISpreadHost> hosts, IReadOnlyDictionary<string, object?>? hostParameters = null)
    {
        if (hosts.Count == 0)
            throw PowException.Pipeline(ErrorIds.AllHostsFailed, PowErrorCategory.InvalidArgument, null, "No host was given.",
                "Give one or more open sessions with -Session, or host names with -HostName.");
        Hosts = hosts;
        _own = [.. hosts.Select(_ => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase))];
        foreach (var (key, value) in hostParameters ?? new Dictionary<string, object?>()) Assign(key, value);
    }

    public IReadOnlyList<ISpreadHost> Hosts { get; }

    /// <summary>The New-PowSolution solving parameters every host gets, as the user gave them (back end, threads, -TimeoutSec).</summary>
    public IReadOnlyDictionary<string, object?> Solving { get; init; } = new Dictionary<string, object?>();

    /// <summary>Where host 0's range starts; null: a random position.</summary>
    public ulong? BasePosition { get; init; }

    /// <summary>Host <paramref name="host"/>'s parameters: the common ones, the target's, its own, and its range.</summary>
    internal Dictionary<string, object?> ParametersOf(int host, SpreadTarget target, ulong start, ulong? count)
    {
        var parameters = new Dictionary<string, object?>(Solving, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in target.Parameters()) parameters[name] = value;
        var own = _own[host];
        if (BackendChoice.Any(own.ContainsKey))
            foreach (var name in BackendChoice) parameters.Remove(name);
        foreach (var (name, value) in own) parameters[name] = value;
        parameters["NonceStart"] = start;
        if (count is { } c) parameters["NonceCount"] = c;
        else parameters.Remove("NonceCount");
        return parameters;
    }

    private void Assign(string key, object? value)
    {
        var names = Hosts.Select(h => h.Name).ToList();
        var matches = Enumerable.Range(0, Hosts.Count).Where(i => string.Equals(names[i], key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
            matches = [.. Enumerable.Range(0, Hosts.Count)
                .Where(i => string.Equals(names[i].Split(':')[0], key, StringComparison.OrdinalIgnoreCase))];
        if (matches.Count == 0)
            throw PowException.Parameter(ErrorIds.InvalidHostParameters, key,
                $"-HostParameters names host '{key}', which is not one of this search's hosts ({string.Join(", ", names)}).",
                "Use the host names as listed (host, or host:port when the port is not 22).");
        if (value is not IDictionary values)
            throw PowException.Parameter(ErrorIds.InvalidHostParameters, key,
                $"-HostParameters['{key}'] must be a hashtable of New-PowSolution parameters, such as @{{ Cuda = $true; DeviceId = 0,1 }}.",
                "Give each host a hashtable.");
        foreach (DictionaryEntry v in values)
        {
            string name = v.Key?.ToString() ?? "";
            if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw PowException.Parameter(ErrorIds.InvalidHostParameters, name,
                    $"-HostParameters cannot set {name} for a host: the search sets it the same for every host or partitions it.",
                    "Per host set only Backend, Cuda, OpenCL, DeviceId, ThreadCount, ThreadsPerBlock, UpdateInterval or TimeoutSec.");
            foreach (var i in matches) _own[i][name] = v.Value;
        }
    }
}

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// The hosts of a spread search as PowerShell remoting sessions, one <see cref="PSSessionHost"/> each: the caller's own
/// (-Session), or sessions to -HostName that each host opens when the search gets it ready and closes on Dispose.
/// </summary>
internal sealed class RemoteSessions(IReadOnlyList<PSSessionHost> hosts) : IDisposable
{
    /// <summary>Null when neither -Session nor -HostName was given: the search runs here.</summary>
    /// <exception cref="PowException">InvalidHostParameters: both given.</exception>
    public static RemoteSessions? From(PSSession[]? sessions, string[]? hostNames, SshLogin login) => (sessions, hostNames) switch
    {
        (null, null) => null,
        (not null, not null) => throw PowException.Parameter(ErrorIds.InvalidHostParameters, null, "-Session and -HostName cannot be used together.",
            "Pass open sessions with -Session, or host names with -HostName (the cmdlet then opens and closes the sessions itself)."),
        (not null, _) => new([.. sessions.Select(s => new PSSessionHost(s))]),
        _ => new([.. hostNames!.Select(name => new PSSessionHost(name, login))]),
    };

    /// <summary>The search's plan: these hosts, -HostParameters, and the solving parameters the user bound (by name).</summary>
    public SpreadPlan Plan(Hashtable? hostParameters, IDictionary<string, object> bound, IEnumerable<string> solving, ulong? basePosition = null)
    {
        var own = hostParameters?.Cast<DictionaryEntry>()
            .ToDictionary(e => e.Key?.ToString() ?? "", e => e.Value is PSObject o ? o.BaseObject : e.Value);
        return new SpreadPlan(hosts, own)
        {
            Solving = solving.Where(bound.ContainsKey).ToDictionary(name => name, name => (object?)bound[name]), BasePosition = basePosition,
        };
    }

    /// <summary>Ends the hosts' pipelines and closes the sessions opened here; the caller's own -Session stay open.</summary>
    public void Dispose()
    {
        foreach (var host in hosts) host.Dispose();
    }
}

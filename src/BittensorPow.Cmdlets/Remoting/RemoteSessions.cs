namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// The hosts of a spread search as PowerShell remoting sessions: the caller's own (-Session), or sessions opened here from
/// -HostName and closed again on Dispose; one <see cref="PSSessionHost"/> each.
/// </summary>
internal sealed class RemoteSessions : IDisposable
{
    private readonly List<PSSession> _opened = [];
    private readonly List<PowerShell> _openers = [];
    private readonly List<PSSessionHost> _hosts = [];

    /// <summary>Null when neither -Session nor -HostName was given: the search runs here.</summary>
    /// <exception cref="PowException">InvalidHostParameters (both given); AllHostsFailed when no session opened.</exception>
    public static RemoteSessions? Open(PSSession[]? sessions, string[]? hostNames, SshLogin login, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        if (sessions is null && hostNames is null) return null;
        if (sessions is not null && hostNames is not null)
            throw PowException.Parameter(ErrorIds.InvalidHostParameters, null, "-Session and -HostName cannot be used together.",
                "Pass open sessions with -Session, or host names with -HostName (the cmdlet then opens and closes the sessions itself).");
        var remote = new RemoteSessions();
        try
        {
            foreach (var session in sessions ?? remote.OpenAll(hostNames!, login, output, cancellation))
                remote._hosts.Add(new PSSessionHost(session));
            return remote;
        }
        catch
        {
            remote.Dispose();
            throw;
        }
    }

    /// <summary>The search's plan: these hosts, -HostParameters, and the solving parameters the user bound (by name).</summary>
    public SpreadPlan Plan(Hashtable? hostParameters, IDictionary<string, object> bound, IEnumerable<string> solving, ulong? basePosition = null)
    {
        var own = hostParameters?.Cast<DictionaryEntry>()
            .ToDictionary(e => e.Key?.ToString() ?? "", e => e.Value is PSObject o ? o.BaseObject : e.Value);
        return new SpreadPlan(_hosts, own)
        {
            Solving = solving.Where(bound.ContainsKey).ToDictionary(name => name, name => (object?)bound[name]), BasePosition = basePosition,
        };
    }

    private PSSession[] OpenAll(string[] hostNames, SshLogin login, IWorkflowOutput output, CancellationToken cancellation)
    {
        // In parallel, each from its own runspace: opening starts a pwsh on the host, which takes seconds. A runspace closes
        // the sessions it opened when it closes, so those runspaces live until Dispose.
        var opening = new List<(string Text, PowerShell Ps, IAsyncResult Async)>();
        foreach (var text in hostNames)
        {
            // "host:port" names a port per host (several sshds on one machine); -Port applies to the rest.
            var (name, port) = text.LastIndexOf(':') is var c and > 0 && int.TryParse(text[(c + 1)..], out var p)
                ? (text[..c], (int?)p) : (text, login.Port);
            var ps = PowerShell.Create();
            _openers.Add(ps);
            ps.AddCommand("New-PSSession").AddParameter("HostName", name).AddParameter("ErrorAction", ActionPreference.Stop);
            if (port is { } hostPort) ps.AddParameter("Port", hostPort);
            if (login.UserName is not null) ps.AddParameter("UserName", login.UserName);
            if (login.KeyFilePath is not null) ps.AddParameter("KeyFilePath", login.KeyFilePath);
            if (login.Options is not null) ps.AddParameter("Options", login.Options);
            opening.Add((text, ps, ps.BeginInvoke()));
        }
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var (text, ps, async) in opening)
        {
            if (WaitHandle.WaitAny([async.AsyncWaitHandle, cancellation.WaitHandle]) == 1)
            {
                foreach (var o in opening) o.Ps.BeginStop(null, null);
                cancellation.ThrowIfCancellationRequested();
            }
            try
            {
                var session = ps.EndInvoke(async).Select(o => o.BaseObject).OfType<PSSession>().SingleOrDefault()
                    ?? throw new RuntimeException(ps.Streams.Error.LastOrDefault()?.ToString() ?? "New-PSSession returned no session");
                _opened.Add(session);
                output.Verbose($"[{text}] session opened ({clock.Elapsed.TotalSeconds:F1} s).");
            }
            catch (RuntimeException ex)
            {
                failures.Add($"{text}: {ex.Message}");
                output.Warning($"Host {text} dropped out of the search: could not open a session: {ex.Message}");
            }
        }
        if (_opened.Count == 0)
            throw new PowException(new PowError(ErrorIds.AllHostsFailed, PowErrorCategory.ConnectionError, string.Join(", ", hostNames),
                hostNames.Length == 0 ? "No host was given." : $"No session could be opened: {string.Join("; ", failures)}",
                "Check each host's sshd has 'Subsystem powershell <pwsh> -sshs -NoLogo' and that ssh -i <key> user@host logs in."));
        return [.. _opened];
    }

    /// <summary>Ends the hosts' pipelines and closes the sessions opened here; the caller's own -Session stay open.</summary>
    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
        foreach (var session in _opened)
        {
            try { session.Runspace.Close(); session.Runspace.Dispose(); }
            catch (Exception ex) when (ex is InvalidOperationException or RuntimeException or ObjectDisposedException) { }
        }
        foreach (var ps in _openers) ps.Dispose();
        _hosts.Clear();
        _opened.Clear();
        _openers.Clear();
    }
}

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// A spread search's host over a PowerShell remoting session: the caller's own (-Session), or one it opens itself over SSH
/// (-HostName) the first time the search gets it ready and closes on Dispose. Runs New-PowSolution there in a pipeline on
/// the session's runspace and tells the coordinator what comes back — verbose and warning lines, the solve's numbers
/// (information records tagged <see cref="SolveReport.Tag"/>), the solution (read by <see cref="PipedSolution"/>), or why
/// the pipeline ended without one.
/// </summary>
internal sealed class PSSessionHost : ISpreadHost, IDisposable
{
    // The module there and loaded, or a message that says how to get it there.
    private const string PreflightScript = """
        if (-not (Get-Module -ListAvailable -Name BittensorPow)) {
            return ("The BittensorPow module is not installed on this host ($([Environment]::MachineName)); PSModulePath there is " +
                "'$env:PSModulePath'. Install it there with Install-Module BittensorPow, or copy the module folder (out/BittensorPow) " +
                "into one of those folders.")
        }
        Import-Module BittensorPow -ErrorAction Stop
        'ok'
        """;

    // The host's own progress records would only cost the wire and this machine's CPU (its numbers come as information
    // records). Verbose, warning and information records come back in the output, in their order with the solution, not
    // through the host there.
    private const string SearchScript = """
        param([hashtable] $Parameters)
        $ProgressPreference = 'SilentlyContinue'
        New-PowSolution @Parameters -Verbose 3>&1 4>&1 6>&1
        """;

    private const string OpenHint = "check that its sshd has 'Subsystem powershell <pwsh> -sshs -NoLogo' and that ssh -i <key> user@host logs in";

    private readonly List<PowerShell> _pipelines = [];
    private readonly PowerShell? _opener;
    private PSSession? _session;
    private Task<string?>? _opening;
    private string? _openedLine;
    private PowerShell? _current;

    /// <summary>The caller's own open session; it stays open.</summary>
    public PSSessionHost(PSSession session)
    {
        _session = session;
        // Read by name: the SSH connection type is not in the reference assemblies this module builds against.
        int port = PSObject.AsPSObject(session.Runspace.ConnectionInfo).Properties["Port"]?.Value is int p ? p : 0;
        Name = HostAddress.NameOf(session.ComputerName, port);
    }

    /// <summary>A -HostName entry (see <see cref="HostAddress"/>); its session opens when the search first gets it ready.</summary>
    public PSSessionHost(string hostName, SshLogin login)
    {
        var address = HostAddress.Parse(hostName, login.Port);
        Name = address.Name;
        // Its own runspace, which lives until Dispose: a runspace closes the sessions it opened when it closes.
        _opener = PowerShell.Create();
        _opener.AddCommand("New-PSSession").AddParameter("HostName", address.Target).AddParameter("ErrorAction", ActionPreference.Stop);
        if (address.Port is { } port) _opener.AddParameter("Port", port);
        if (login.UserName is not null) _opener.AddParameter("UserName", login.UserName);
        if (login.KeyFilePath is not null) _opener.AddParameter("KeyFilePath", login.KeyFilePath);
        if (login.Options is not null) _opener.AddParameter("Options", login.Options);
    }

    public string Name { get; }

    /// <summary>Opens the session the first time (a search run again for a stale solution reuses it), then checks the module.</summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellation)
    {
        if (_opener is not null && await (_opening ??= Task.Run(() => OpenAsync(_opener, cancellation), CancellationToken.None)) is { } reason)
            return reason;
        using var ps = PowerShell.Create();
        ps.Runspace = _session!.Runspace;
        ps.AddScript(PreflightScript);
        try
        {
            using var stop = cancellation.Register(() => Stop(ps));
            var answer = string.Join(" ", (await Task.Factory.FromAsync(ps.BeginInvoke(), ps.EndInvoke)).Select(o => o?.ToString()));
            return answer == "ok" ? null
                : answer.Length > 0 ? answer : ps.Streams.Error.LastOrDefault()?.ToString() ?? "the module check there gave no answer";
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException) { return $"the session is not usable: {ex.Message}"; }
    }

    /// <summary>Null once open; else why not. Ctrl+C stops New-PSSession (the coordinator has stopped waiting already).</summary>
    private async Task<string?> OpenAsync(PowerShell opener, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var async = opener.BeginInvoke();
            using var stop = cancellation.Register(() => Stop(opener));
            var opened = await Task.Factory.FromAsync(async, opener.EndInvoke);
            _session = opened.Select(o => o.BaseObject).OfType<PSSession>().SingleOrDefault()
                ?? throw new RuntimeException(opener.Streams.Error.LastOrDefault()?.ToString() ?? "New-PSSession returned no session");
            _openedLine = $"session opened ({clock.Elapsed.TotalSeconds:F1} s).";
            return null;
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException or ObjectDisposedException)
        {
            // -ErrorAction Stop wraps New-PSSession's own error in a sentence about the preference; the error says it alone.
            string message = (ex as ActionPreferenceStopException)?.ErrorRecord?.ToString() ?? ex.Message;
            return $"could not open a session: {message} ({OpenHint})";
        }
    }

    public void Start(HostAssignment assignment, IHostEvents events)
    {
        var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in assignment.Parameters) parameters[name] = value;
        // The coordinator writes a host's lines once it searches: the opening's line comes with the first search.
        if (Interlocked.Exchange(ref _openedLine, null) is { } line) events.Said(line);
        var ps = PowerShell.Create();
        ps.Runspace = _session!.Runspace;
        ps.AddScript(SearchScript).AddArgument(parameters);
        _pipelines.Add(ps);
        _current = ps;
        var output = new PSDataCollection<PSObject>();
        bool answered = false;
        output.DataAdded += (_, e) => answered |= Read(output[e.Index], events);
        var input = new PSDataCollection<PSObject>();
        input.Complete();
        try { ps.BeginInvoke(input, output, null, _ => { if (!answered) Ended(ps, events); }, null); }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException) { events.Failed($"the session is not usable: {ex.Message}"); }
    }

    public Task StopAsync() => _current is { } ps ? Stop(ps) : Task.CompletedTask;

    /// <summary>Never faults: a pipeline that has ended, or been let go of, has nothing left to stop.</summary>
    private static Task Stop(PowerShell ps)
    {
        try { return Task.Factory.FromAsync(ps.BeginStop, ps.EndStop, null).ContinueWith(_ => { }, TaskScheduler.Default); }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or RuntimeException) { return Task.CompletedTask; }
    }

    /// <summary>One object of the host's output as an event; true when it stood where the solution stands.</summary>
    private static bool Read(PSObject item, IHostEvents events)
    {
        switch (item.TypeNames.FirstOrDefault()?.Replace("Deserialized.", "", StringComparison.Ordinal))
        {
            case "System.Management.Automation.VerboseRecord": events.Said(MessageOf(item)); return false;
            case "System.Management.Automation.WarningRecord": events.Said(MessageOf(item), warning: true); return false;
            case "System.Management.Automation.InformationRecord":
                if (Tags(item).Contains(SolveReport.Tag) && Unwrap(item.Properties["MessageData"]?.Value) is IDictionary fields
                    && SolveReport.Read(fields) is { } report)
                    events.Reported(report);
                return false;
        }
        try { events.Found(PipedSolution.Read(item, null)); }
        catch (PowException ex) { events.Failed($"it returned something that is not a readable solution: {ex.Message}"); }
        return true;
    }

    /// <summary>Why a pipeline ended without a solution, and the error id its search ended with (the part before the comma).</summary>
    private static void Ended(PowerShell ps, IHostEvents events)
    {
        static string? IdOf(ErrorRecord? record) => record?.FullyQualifiedErrorId?.Split(',')[0];
        var state = ps.InvocationStateInfo;
        if (state.State == PSInvocationState.Stopped) return;   // stopped from here: nothing to tell
        // On a pool thread, where an exception would end the process: a pipeline already let go of has nothing to tell.
        try
        {
            if (ps.Streams.Error.Count > 0) events.Failed(ps.Streams.Error[^1].ToString(), IdOf(ps.Streams.Error[^1]));
            else if (state.Reason is { } reason) events.Failed(reason.Message, IdOf((reason as IContainsErrorRecord)?.ErrorRecord));
            else events.Failed("its search ended without a solution (see its warnings above)");
        }
        catch (ObjectDisposedException) { }
    }

    private static object? Unwrap(object? value) => value is PSObject o ? o.BaseObject : value;

    private static string MessageOf(PSObject item) =>
        (item.Properties["Message"] ?? item.Properties["InformationalRecord_Message"])?.Value?.ToString() is { Length: > 0 } m ? m : item.ToString();

    private static IEnumerable<string?> Tags(PSObject item) =>
        (LanguagePrimitives.GetEnumerable(Unwrap(item.Properties["Tags"]?.Value)) ?? Array.Empty<object>()).Cast<object?>().Select(t => $"{t}");

    /// <summary>Ends the pipelines run here, and closes the session when it was opened here.</summary>
    public void Dispose()
    {
        foreach (var ps in _pipelines) ps.Dispose();
        _pipelines.Clear();
        _current = null;
        if (_opener is null) return;
        try { _session?.Runspace.Close(); _session?.Runspace.Dispose(); }
        catch (Exception ex) when (ex is InvalidOperationException or RuntimeException or ObjectDisposedException) { }
        _opener.Dispose();
    }
}

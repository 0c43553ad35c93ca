namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// A spread search's host over a PowerShell remoting session: runs New-PowSolution there in a pipeline on the session's
/// runspace and tells the coordinator what comes back — verbose and warning lines, the solve's numbers (information records
/// tagged <see cref="SolveReport.Tag"/>), the solution (read by <see cref="PipedSolution"/>), or why the pipeline ended
/// without one.
/// </summary>
internal sealed class PSSessionHost(PSSession session) : ISpreadHost, IDisposable
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

    private readonly List<PowerShell> _pipelines = [];
    private PowerShell? _current;

    public string Name { get; } = NameOf(session);

    public async Task<string?> PrepareAsync(CancellationToken cancellation)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
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

    public void Start(HostAssignment assignment, IHostEvents events)
    {
        var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in assignment.Parameters) parameters[name] = value;
        var ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
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

    /// <summary>"host" on the default port, "host:port" otherwise, so two sshds on one machine stay apart.</summary>
    private static string NameOf(PSSession session)
    {
        // Read by name: the SSH connection type is not in the reference assemblies this module builds against.
        int port = PSObject.AsPSObject(session.Runspace.ConnectionInfo).Properties["Port"]?.Value is int p ? p : 0;
        return port is 0 or 22 or 5985 or 5986 ? session.ComputerName : $"{session.ComputerName}:{port}";
    }

    public void Dispose()
    {
        foreach (var ps in _pipelines) ps.Dispose();
        _pipelines.Clear();
        _current = null;
    }
}

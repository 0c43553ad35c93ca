using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using BittensorPow.Registration;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// One search spread over PowerShell remoting sessions: every host runs New-PowSolution there on its own nonce
/// partition; the first solution that passes <c>accept</c> wins and every other host is stopped at once. A host
/// that fails is a warning and the rest go on; only when every host is gone is it an error. Runs on the cmdlet's
/// thread (all output goes through <see cref="IWorkflowOutput"/>); the hosts' streams arrive on other threads and
/// are queued. The loop sleeps until a host sends something, a host's pipeline ends, Ctrl+C, or the next progress is
/// due (once a second): polling would cost the coordinator CPU for nothing while the hosts search.
/// </summary>
internal sealed class SpreadSearch
{
    public const ProgressActivity ProgressId = ProgressActivity.SpreadSearch;
    public const string StatisticsTag = "BittensorPow.Partition";
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    // Runs on the host, after the preflight.
    private const string RemoteScript = """
        param([hashtable] $Parameters)
        Import-Module BittensorPow -ErrorAction Stop
        # The host's own progress records would only cost the wire and this machine's CPU: its numbers come as
        # information records. Verbose, warning and information records come back in the output, not through the
        # host there, so the coordinator names the host on each line.
        $ProgressPreference = 'SilentlyContinue'
        New-PowSolution @Parameters -Verbose 3>&1 4>&1 6>&1
        """;

    private readonly IReadOnlyList<RemoteHost> _hosts;
    private readonly IWorkflowOutput _output;
    private readonly ConcurrentQueue<(HostRun Host, object Item)> _events = new();
    // Set by the hosts' threads whenever there is something for the loop: output, a stream record, a pipeline's end.
    private readonly AutoResetEvent _wake = new(false);

    public SpreadSearch(IReadOnlyList<RemoteHost> hosts, IWorkflowOutput output)
    {
        _hosts = hosts;
        _output = output;
    }

    /// <summary>Per host, what it reported last; filled in as the search runs.</summary>
    public List<HostRun> Runs { get; } = [];

    /// <summary>From the winning solution arriving here to every other host's search having stopped.</summary>
    public TimeSpan? StoppedIn { get; private set; }

    private static readonly string[] BackendChoice = ["Backend", "Cuda", "OpenCL"];

    /// <param name="common">The New-PowSolution parameters every host gets (target and solving knobs).</param>
    /// <param name="accept">Verifies a host's solution here; returns it as a Solution, or null with the reason it was refused.</param>
    /// <exception cref="PowException">AllHostsFailed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; every host's search has been stopped.</exception>
    public (Solution Solution, HostRun Winner) Run(Hashtable common, ulong baseNonce, string activity,
        Func<PSObject, (Solution? Solution, string? Refused)> accept, CancellationToken cancellation)
    {
        var ranges = Partition.Split(baseNonce, _hosts.Count);
        for (int i = 0; i < _hosts.Count; i++)
        {
            var parameters = new Hashtable(common, StringComparer.OrdinalIgnoreCase);
            // A host's own back end replaces the common choice whole: -Backend Cpu for all and Cuda for one host is no conflict.
            if (BackendChoice.Any(_hosts[i].Overrides.ContainsKey))
                foreach (var name in BackendChoice) parameters.Remove(name);
            foreach (DictionaryEntry e in _hosts[i].Overrides) parameters[e.Key] = e.Value;
            parameters["NonceStart"] = ranges[i].Start;
            if (ranges[i].Count is { } count) parameters["NonceCount"] = count;
            else parameters.Remove("NonceCount");
            var run = new HostRun(_hosts[i], parameters, ranges[i].Start, ranges[i].Count);
            Runs.Add(run);
            _output.Verbose($"[{run.Name}] nonces {run.Describe()}.");
        }
        var clock = Stopwatch.StartNew();
        try
        {
            Preflight(cancellation);
            foreach (var run in Runs) if (run.Failure is null) Start(run);
            var lastProgress = -ProgressEvery;
            WaitHandle[] wakers = [_wake, cancellation.WaitHandle];
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                Drain();
                foreach (var run in Runs)
                {
                    if (run.Failure is not null) continue;
                    while (run.Output.Count > 0)
                    {
                        var candidate = run.Output[0];
                        run.Output.RemoveAt(0);
                        if (Note(run, candidate)) continue;
                        var (solution, refused) = accept(candidate);
                        if (solution is not null)
                        {
                            run.Final(candidate);
                            var found = Stopwatch.StartNew();
                            StopAll(except: run);
                            StoppedIn = found.Elapsed;
                            Drain();
                            _output.Verbose($"[{run.Name}] found {solution}; every other host stopped {StoppedIn.Value.TotalMilliseconds:F0} ms later.");
                            return (solution with { ComputerName = run.Name }, run);
                        }
                        _output.Warning($"Host {run.Name} returned a solution that was refused here ({refused}); it searches again.");
                        Restart(run);
                    }
                    if (run.Async is { IsCompleted: true } && run.Output.Count == 0 && run.Failure is null)
                    {
                        var (reason, id) = ReasonOf(run);
                        Drop(run, reason, id);
                    }
                }
                // The records just taken from the hosts' output: their numbers go into this round's progress.
                Drain();
                if (Runs.TrueForAll(r => r.Failure is not null)) throw AllHostsGone();
                var sinceProgress = clock.Elapsed - lastProgress;
                if (sinceProgress >= ProgressEvery)
                {
                    lastProgress = clock.Elapsed;
                    sinceProgress = TimeSpan.Zero;
                    _output.Progress(new WorkflowProgress(ProgressId, activity, Describe(clock.Elapsed)) { CurrentOperation = string.Join(", ", Runs.Select(r => r.Failure is null ? $"{r.Name} {SolveRunner.FormatRate(r.HashRate)}" : $"{r.Name} gone")) });
                }
                WaitHandle.WaitAny(wakers, ProgressEvery - sinceProgress);
            }
        }
        finally
        {
            // Whatever ended the search (a solution, Ctrl+C, every host gone), no host keeps searching.
            StopAll(except: null);
            if (!cancellation.IsCancellationRequested) _output.Progress(new WorkflowProgress(ProgressId, activity, "Done") { Completed = true });
            foreach (var run in Runs) run.Dispose();
            _wake.Dispose();
        }
    }

    // Runs on each host before the search: the module there, loaded, or a message that says how to get it there.
    private const string PreflightScript = """
        if (-not (Get-Module -ListAvailable -Name BittensorPow)) {
            return "The BittensorPow module is not installed on this host ($([Environment]::MachineName)); PSModulePath there is '$env:PSModulePath'. Install it there with Install-Module BittensorPow, or copy the module folder (out/BittensorPow) into one of those folders."
        }
        Import-Module BittensorPow -ErrorAction Stop
        'ok'
        """;

    /// <summary>Every host at once: each either has the module loaded afterwards or drops out with the reason.</summary>
    private void Preflight(CancellationToken cancellation)
    {
        var checks = new List<(HostRun Run, PowerShell Ps, IAsyncResult? Async)>();
        foreach (var run in Runs)
        {
            var ps = PowerShell.Create();
            ps.Runspace = run.Host.Runspace;
            ps.AddScript(PreflightScript);
            try { checks.Add((run, ps, ps.BeginInvoke())); }
            catch (Exception ex) when (ex is RuntimeException or InvalidOperationException) { ps.Dispose(); Drop(run, $"the session is not usable: {ex.Message}"); }
        }
        try
        {
            foreach (var (run, ps, async) in checks)
            {
                WaitHandle.WaitAny([async!.AsyncWaitHandle, cancellation.WaitHandle]);
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    var answer = string.Join(" ", ps.EndInvoke(async).Select(o => o?.ToString()));
                    if (answer != "ok") Drop(run, answer.Length > 0 ? answer : ps.Streams.Error.LastOrDefault()?.ToString() ?? "the module check there gave no answer");
                }
                catch (Exception ex) when (ex is RuntimeException or InvalidOperationException) { Drop(run, ex.Message); }
            }
        }
        finally
        {
            foreach (var (_, ps, _) in checks)
            {
                if (ps.InvocationStateInfo.State == PSInvocationState.Running) ps.Stop();
                ps.Dispose();
            }
        }
    }

    private string Describe(TimeSpan elapsed)
    {
        var live = Runs.Where(r => r.Failure is null).ToList();
        double rate = live.Sum(r => r.HashRate);
        ulong tried = (ulong)Runs.Sum(r => (decimal)r.NoncesTried);
        string block = live.Select(r => r.BlockNumber).Where(b => b is not null).DefaultIfEmpty(null).Max() is { } b ? $"block {b}, " : "";
        return $"{live.Count}/{Runs.Count} host(s), {block}{SolveRunner.FormatRate(rate)} total, {tried:N0} nonces tried, {elapsed.TotalSeconds:F1} s";
    }

    private void Start(HostRun run)
    {
        var ps = PowerShell.Create();
        ps.Runspace = run.Host.Runspace;
        ps.AddScript(RemoteScript).AddArgument(run.Parameters);
        ps.Streams.Verbose.DataAdded += (s, e) => Queue(run, ((PSDataCollection<VerboseRecord>)s!)[e.Index]);
        ps.Streams.Warning.DataAdded += (s, e) => Queue(run, ((PSDataCollection<WarningRecord>)s!)[e.Index]);
        ps.Streams.Information.DataAdded += (s, e) => Queue(run, ((PSDataCollection<InformationRecord>)s!)[e.Index]);
        run.PowerShell = ps;
        run.Output = [];
        run.Output.DataAdded += (_, _) => Wake();
        var input = new PSDataCollection<PSObject>();
        input.Complete();
        try
        {
            run.Async = ps.BeginInvoke<PSObject, PSObject>(input, run.Output);
            // Its end wakes the loop, which drops the host (WaitAny would cap a search at 62 hosts).
            run.Completion = ThreadPool.RegisterWaitForSingleObject(run.Async.AsyncWaitHandle, (_, _) => Wake(), null, Timeout.Infinite, executeOnlyOnce: true);
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException or System.Management.Automation.Remoting.PSRemotingTransportException)
        {
            Drop(run, ex.Message);
        }
    }

    private void Restart(HostRun run)
    {
        run.Stop();
        run.Dispose();
        Start(run);
    }

    private void Drop(HostRun run, string reason, string? errorId = null)
    {
        run.Failure = reason;
        run.FailureId = errorId;
        _output.Warning($"Host {run.Name} dropped out of the search: {reason}");
    }

    /// <summary>
    /// Every host ran out of its own -TimeoutSec: that is the search's timeout (PowSolveTimeout, as on one machine), not
    /// a failure of the hosts. Anything else: AllHostsFailed with each host's reason.
    /// </summary>
    private PowException AllHostsGone()
    {
        string hosts = string.Join(", ", Runs.Select(r => r.Name));
        string reasons = string.Join("; ", Runs.Select(r => $"{r.Name}: {r.Failure}"));
        if (Runs.TrueForAll(r => r.FailureId == ErrorIds.PowSolveTimeout))
            return new PowException(new PowError(ErrorIds.PowSolveTimeout, PowErrorCategory.OperationTimeout, hosts,
                $"-TimeoutSec ran out on every host of the spread search: {reasons}",
                "Give -TimeoutSec more seconds (each host bounds its own search with it), or add hosts or faster back ends (-Cuda).") { Scope = PowErrorScope.Pipeline });
        return new PowException(new PowError(ErrorIds.AllHostsFailed, PowErrorCategory.ConnectionError, hosts,
            $"Every host of the spread search dropped out: {reasons}",
            "Fix what the reasons say (a session that broke, the module missing on a host, a device error) and run the search again."));
    }

    /// <summary>Why a host's search ended without a solution, and the error id it ended with (the part before the comma).</summary>
    private static (string Reason, string? Id) ReasonOf(HostRun run)
    {
        var ps = run.PowerShell!;
        static string? IdOf(ErrorRecord? record) => record?.FullyQualifiedErrorId?.Split(',')[0];
        if (ps.Streams.Error.Count > 0) return (ps.Streams.Error[^1].ToString(), IdOf(ps.Streams.Error[^1]));
        if (ps.InvocationStateInfo.Reason is { } reason) return (reason.Message, IdOf((reason as IContainsErrorRecord)?.ErrorRecord));
        return ("its search ended without a solution (see its warnings above)", null);
    }

    /// <summary>A verbose, warning or information record merged into the host's output: queued like a stream record.</summary>
    private bool Note(HostRun run, PSObject item)
    {
        var names = item.TypeNames;
        bool Is(string type) => names.Contains(type) || names.Contains("Deserialized." + type);
        object? record =
            item.BaseObject is VerboseRecord or WarningRecord or InformationRecord ? item.BaseObject
            : Is("System.Management.Automation.VerboseRecord") ? new VerboseRecord(MessageOf(item))
            : Is("System.Management.Automation.WarningRecord") ? new WarningRecord(MessageOf(item))
            : Is("System.Management.Automation.InformationRecord") ? Information(item)
            : null;
        if (record is null) return false;
        _events.Enqueue((run, record));
        return true;
    }

    private void Queue(HostRun run, object record)
    {
        _events.Enqueue((run, record));
        Wake();
    }

    private void Wake()
    {
        // A host's pipeline may still report (its stop completing) after the search has ended and let go of the event.
        try { _wake.Set(); }
        catch (ObjectDisposedException) { }
    }

    private static string MessageOf(PSObject item) =>
        (item.Properties["Message"]?.Value ?? item.Properties["InformationalRecord_Message"]?.Value)?.ToString() is { Length: > 0 } m ? m : item.ToString();

    private static InformationRecord Information(PSObject item)
    {
        var record = new InformationRecord(item.Properties["MessageData"]?.Value, "");
        if (item.Properties["Tags"]?.Value is { } tags)
            foreach (var tag in LanguagePrimitives.GetEnumerable(tags) ?? Array.Empty<object>()) record.Tags.Add(tag?.ToString() ?? "");
        return record;
    }

    private void Drain()
    {
        while (_events.TryDequeue(out var e))
        {
            switch (e.Item)
            {
                case VerboseRecord v: _output.Verbose($"[{e.Host.Name}] {v.Message}"); break;
                case WarningRecord w: _output.Warning($"[{e.Host.Name}] {w.Message}"); break;
                case InformationRecord i when i.Tags.Contains(StatisticsTag): e.Host.Report(PSObject.AsPSObject(i.MessageData)); break;
            }
        }
    }

    /// <summary>Stops every host's search at once (in parallel) and waits for them, two seconds at most.</summary>
    private void StopAll(HostRun? except)
    {
        var stopping = Runs.Where(r => r != except && r.PowerShell is { InvocationStateInfo.State: PSInvocationState.Running or PSInvocationState.NotStarted })
            .Select(r => (Run: r, Async: r.BeginStop())).Where(x => x.Async is not null).ToList();
        var deadline = Stopwatch.StartNew();
        foreach (var (_, async) in stopping)
        {
            var left = TimeSpan.FromSeconds(2) - deadline.Elapsed;
            if (left > TimeSpan.Zero) async!.AsyncWaitHandle.WaitOne(left);
        }
    }
}

/// <summary>One host's search: its partition, its pipeline, and its latest reported statistics.</summary>
internal sealed class HostRun(RemoteHost host, Hashtable parameters, ulong nonceStart, ulong? nonceCount) : IDisposable
{
    public RemoteHost Host { get; } = host;
    public string Name => Host.Name;
    public Hashtable Parameters { get; } = parameters;
    public ulong NonceStart { get; private set; } = nonceStart;
    public ulong? NonceCount { get; private set; } = nonceCount;
    public PowerShell? PowerShell { get; set; }
    public IAsyncResult? Async { get; set; }
    public RegisteredWaitHandle? Completion { get; set; }
    public PSDataCollection<PSObject> Output { get; set; } = [];
    public string? Failure { get; set; }
    /// <summary>The error id the host's own search ended with, where it ended with one.</summary>
    public string? FailureId { get; set; }
    public double HashRate { get; private set; }
    public ulong NoncesTried { get; private set; }
    public ulong? BlockNumber { get; private set; }
    /// <summary>True once the host itself reported its range (the partition as its engine holds it).</summary>
    public bool RangeReported { get; private set; }
    private bool _final;

    public string Describe() => NonceCount is { } c ? $"{NonceStart} + {c:N0}" : $"{NonceStart}, the whole ring";

    public void Report(PSObject stats)
    {
        T Get<T>(string name) => LanguagePrimitives.ConvertTo<T>(stats.Properties[name]?.Value);
        BlockNumber = Get<ulong>("BlockNumber");
        // A report queued before the solution arrived must not overwrite the solution's totals.
        if (!_final) { HashRate = Get<double>("HashRate"); NoncesTried = Get<ulong>("NoncesTried"); }
        NonceStart = Get<ulong>("NonceStart");
        NonceCount = stats.Properties["NonceCount"]?.Value is null ? null : Get<ulong>("NonceCount");
        RangeReported = true;
    }

    /// <summary>The winner's own totals, from its solution (it may have found it before its next report).</summary>
    public void Final(PSObject solution)
    {
        _final = true;
        if (LanguagePrimitives.TryConvertTo<ulong>(solution.Properties["NoncesTried"]?.Value, out var tried) && tried > NoncesTried) NoncesTried = tried;
        if (LanguagePrimitives.TryConvertTo<double>(solution.Properties["HashRate"]?.Value, out var rate) && rate > 0) HashRate = rate;
    }

    public IAsyncResult? BeginStop()
    {
        try { return PowerShell!.BeginStop(null, null); }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or RuntimeException) { return null; }
    }

    public void Stop()
    {
        if (BeginStop() is { } async) async.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(2));
    }

    public void Dispose()
    {
        Completion?.Unregister(null);
        Completion = null;
        PowerShell?.Dispose();
    }
}

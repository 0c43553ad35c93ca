namespace BittensorPow.Registration.Spread;

/// <summary>
/// One search spread over several hosts (New-PowSolution and Register-SubtensorNeuron -Session/-HostName): every host
/// searches its own partition of the positions; the first solution that holds here wins and every other host is stopped
/// at once. A host that fails is a warning and the rest go on; one whose solution is no longer fresh searches again; only
/// when every host is gone is it an error. Runs on the caller's thread, the only one that writes to
/// <see cref="IWorkflowOutput"/>: hosts report from their own threads into a queue, and the loop sleeps until a report
/// arrives, Ctrl+C, or the next progress line is due (once a second: each costs a console redraw).
/// </summary>
public sealed class SpreadSearch
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly SpreadTarget _target;
    private readonly IWorkflowOutput _output;
    private readonly CancellationToken _cancellation;
    private readonly List<HostRun> _runs = [];
    private readonly ConcurrentQueue<Action> _inbox = new();
    // Set whenever a host posts something; hosts may still post (a stop completing) after the search let go of it.
    private readonly AutoResetEvent _wake = new(false);
    private readonly Stopwatch _clock = new();
    private (HostRun Run, Solution Solution)? _won;

    private SpreadSearch(SpreadTarget target, IWorkflowOutput output, CancellationToken cancellation)
    {
        _target = target;
        _output = output;
        _cancellation = cancellation;
    }

    /// <exception cref="PowException">
    /// AllHostsFailed, with each host's reason; PowSolveTimeout when every host ran out of its own -TimeoutSec.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; every host has been stopped (waited for 2 s at most).</exception>
    public static SpreadOutcome Run(SpreadPlan plan, SpreadTarget target, IWorkflowOutput output, CancellationToken cancellation)
    {
        var search = new SpreadSearch(target, output, cancellation);
        try { return search.Run(plan); }
        finally { search._wake.Dispose(); }
    }

    /// <summary>The <see cref="Workflows.SolveRequest.Spread"/> hook of an online solve: the search over <paramref name="plan"/>'s hosts.</summary>
    public static Func<Workflows.OnlineSolveTarget, Solution> Online(SpreadPlan plan, IWorkflowOutput output, CancellationToken cancellation) =>
        target => Run(plan, SpreadTarget.OnChain(target), output, cancellation).Solution;

    private SpreadOutcome Run(SpreadPlan plan)
    {
        string activity = $"Solving registration PoW{(_target.NetUid is { } n ? $" for subnet {n}" : "")} on {plan.Hosts.Count} host(s)";
        var ranges = Partition.Split(plan.BasePosition ?? NonceAllocator.RandomStart(), plan.Hosts.Count);
        for (int i = 0; i < ranges.Length; i++)
        {
            var (start, count) = ranges[i];
            var run = new HostRun(plan.Hosts[i], new HostAssignment(_target, start, count, plan.ParametersOf(i, _target, start, count)));
            _runs.Add(run);
            _output.Verbose($"[{run.Name}] nonces {run.Assignment}.");
        }
        _clock.Start();
        try
        {
            Prepare();
            foreach (var run in _runs.Where(r => r.Failure is null)) Start(run);
            var lastProgress = -ProgressEvery;
            while (true)
            {
                _cancellation.ThrowIfCancellationRequested();
                while (_won is null && _inbox.TryDequeue(out var handle)) handle();
                if (_won is { } won) return Win(won.Run, won.Solution);
                if (_runs.TrueForAll(r => r.Failure is not null)) throw AllHostsGone();
                var sinceProgress = _clock.Elapsed - lastProgress;
                if (sinceProgress >= ProgressEvery)
                {
                    (lastProgress, sinceProgress) = (_clock.Elapsed, TimeSpan.Zero);
                    _output.Progress(new WorkflowProgress(ProgressActivity.SpreadSearch, activity, Describe())
                    {
                        CurrentOperation = string.Join(", ", _runs.Select(r => $"{r.Name} {(r.Failure is null ? Rate(r.HashRate) : "gone")}")),
                    });
                }
                WaitHandle.WaitAny([_wake, _cancellation.WaitHandle], ProgressEvery - sinceProgress);
            }
        }
        finally
        {
            // Whatever ended the search (a solution, Ctrl+C, every host gone, an error here), no host keeps searching.
            StopAll(except: null);
            if (!_cancellation.IsCancellationRequested)
                _output.Progress(new WorkflowProgress(ProgressActivity.SpreadSearch, activity, "Done") { Completed = true });
        }
    }

    internal void Post(Action handle)
    {
        _inbox.Enqueue(handle);
        try { _wake.Set(); }
        catch (ObjectDisposedException) { }
    }

    internal void OnSaid(HostRun run, string message, bool warning)
    {
        if (warning) _output.Warning($"[{run.Name}] {message}");
        else _output.Verbose($"[{run.Name}] {message}");
    }

    internal void OnReported(HostRun run, int search, SolveReport report)
    {
        if (search == run.Search) run.Report(report);
    }

    internal void OnFound(HostRun run, int search, Solution candidate)
    {
        if (!IsCurrent(run, search)) return;
        var (accepted, reason, stale) = _target.Judge(candidate, _cancellation);
        if (accepted is not null) _won = (run, accepted);
        else if (stale)
        {
            _output.Warning($"Host {run.Name} returned a solution that is no longer fresh ({reason}); it searches again.");
            Restart(run);
        }
        else Drop(run, $"it returned a solution that was refused here ({reason})");
    }

    internal void OnFailed(HostRun run, int search, string reason, string? errorId)
    {
        if (IsCurrent(run, search)) Drop(run, reason, errorId);
    }

    private bool IsCurrent(HostRun run, int search) => _won is null && search == run.Search && run.Failure is null;

    /// <summary>Every host at once: each is ready afterwards or has dropped out with the reason.</summary>
    private void Prepare()
    {
        var ready = _runs.Select(r => r.Host.PrepareAsync(_cancellation)).ToArray();
        Task.WaitAll(ready, _cancellation);
        for (int i = 0; i < ready.Length; i++)
            if (ready[i].Result is { } reason) Drop(_runs[i], reason);
    }

    private void Start(HostRun run)
    {
        run.Search++;
        run.Running = true;
        run.Host.Start(run.Assignment, new HostMailbox(this, run, run.Search));
    }

    private void Restart(HostRun run)
    {
        run.Running = false;
        run.Host.StopAsync().Wait(StopWait);
        Start(run);
    }

    private void Drop(HostRun run, string reason, string? errorId = null)
    {
        run.Drop(reason, errorId);
        _output.Warning($"Host {run.Name} dropped out of the search: {reason}");
    }

    /// <summary>Asks every running host to stop at once, then waits for them together, two seconds at most.</summary>
    private void StopAll(HostRun? except)
    {
        var stopping = _runs.Where(r => r != except && r.Running).Select(r =>
        {
            r.Running = false;
            return r.Host.StopAsync();
        }).ToArray();
        Task.WaitAll(stopping, StopWait);
    }

    private SpreadOutcome Win(HostRun winner, Solution solution)
    {
        winner.Found = true;
        winner.Running = false;   // its search ended with the solution
        var stopping = Stopwatch.StartNew();
        StopAll(except: winner);
        var stoppedIn = stopping.Elapsed;
        // The lines the other hosts wrote before they stopped; their other events no longer count.
        while (_inbox.TryDequeue(out var handle)) handle();
        _output.Verbose($"[{winner.Name}] found {solution}; every other host stopped {stoppedIn.TotalMilliseconds:F0} ms later.");
        var elapsed = _clock.Elapsed;
        ulong tried = (ulong)_runs.Sum(r => (decimal)r.NoncesTried);
        var totals = new SolverStatistics
        {
            Elapsed = elapsed, Rounds = 0, NoncesTried = tried, HashRate = _runs.Sum(r => r.HashRate),
            HashRateAverage = elapsed.TotalSeconds > 0 ? tried / elapsed.TotalSeconds : 0, Difficulty = solution.Difficulty.Value,
            BlockNumber = solution.BlockNumber, BlockHash = solution.Challenge.BlockHash.ToArray(), Workers = _runs.Count,
            BlocksSeen = Math.Max(1, winner.Last?.BlocksSeen ?? 0), DeviceFaults = 0,
            NonceStart = winner.Assignment.NonceStart, NonceCount = winner.Assignment.NonceCount,
        };
        return new SpreadOutcome(solution with { ComputerName = winner.Name, Statistics = totals }, [.. _runs.Select(r => r.Summary())], stoppedIn);
    }

    private string Describe()
    {
        var live = _runs.Where(r => r.Failure is null).ToList();
        ulong tried = (ulong)_runs.Sum(r => (decimal)r.NoncesTried);
        string block = live.Select(r => r.Last?.BlockNumber).Where(b => b is not null).Max() is { } b ? $", block {b}" : "";
        // The rate and the expected time left first, as SolveRunner.Describe: an 80-column progress line shows only the
        // status's start. The difficulty is the hosts' (online each follows the chain), else the offline target's.
        double rate = live.Sum(r => r.HashRate);
        ulong? difficulty = live.Select(r => r.Last?.Difficulty).Where(d => d is not null).Max() ?? _target.Difficulty?.Value;
        string eta = difficulty is { } d ? $", {SolveRunner.FormatEta(d, rate)}" : "";
        return $"{Rate(rate)} total{eta} on {live.Count}/{_runs.Count} host(s){block}, {tried:N0} nonces tried, " +
            $"{_clock.Elapsed.TotalSeconds:F1} s";
    }

    private static string Rate(double sealsPerSecond) => SolveRunner.FormatRate(sealsPerSecond);

    /// <summary>
    /// Every host ran out of its own -TimeoutSec: that is the search's timeout (PowSolveTimeout, as on one machine), not a
    /// failure of the hosts. Anything else: AllHostsFailed with each host's reason.
    /// </summary>
    private PowException AllHostsGone()
    {
        string hosts = string.Join(", ", _runs.Select(r => r.Name));
        string reasons = string.Join("; ", _runs.Select(r => $"{r.Name}: {r.Failure}"));
        if (_runs.TrueForAll(r => r.FailureId == ErrorIds.PowSolveTimeout))
            return PowException.Pipeline(ErrorIds.PowSolveTimeout, PowErrorCategory.OperationTimeout, hosts,
                $"-TimeoutSec ran out on every host of the spread search: {reasons}",
                "Give -TimeoutSec more seconds (each host bounds its own search with it), or add hosts or faster back ends (-Cuda).");
        return new PowException(new PowError(ErrorIds.AllHostsFailed, PowErrorCategory.ConnectionError, hosts,
            $"Every host of the spread search dropped out: {reasons}",
            "Fix what each reason says (a session that did not open or broke, no module there, a device error), then search again."));
    }
}

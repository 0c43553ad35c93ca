namespace BittensorPow.Registration.Solving;

/// <summary>
/// Drives a solve from the workflow's thread: workers run on their own threads; this loop reports progress a few
/// times a second and the workers' messages as verbose lines, and stops every worker when cancelled. The snapshot rides
/// on the first progress, at most one a second after it, and the last (<see cref="WorkflowProgress.Statistics"/>).
/// </summary>
public static class SolveRunner
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StatisticsEvery = TimeSpan.FromSeconds(1);

    /// <exception cref="OperationCanceledException">The caller cancelled; every worker has stopped.</exception>
    public static SolveResult Run(SolveSession session, SolveDisplay display, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (activityId, activity) = (display.ActivityId, display.Activity);
        var describe = display.Describe;
        var sourceMessages = display.SourceMessages;
        var node = display.Node;
        // A first snapshot at once: a search that ends within one tick has still said where it started.
        output.Progress(new WorkflowProgress(activityId, activity, "Starting") { Statistics = session.Snapshot() });
        long statisticsAt = Stopwatch.GetTimestamp();
        try
        {
            while (!session.Completion.Wait(Tick))
            {
                Drain(output, session, sourceMessages, node);
                if (cancellation.IsCancellationRequested) break;
                var stats = session.Snapshot();
                bool withStatistics = Stopwatch.GetElapsedTime(statisticsAt) >= StatisticsEvery;
                if (withStatistics) statisticsAt = Stopwatch.GetTimestamp();
                string status = (describe ?? Describe)(stats);
                if (stats.PausedWorkers > 0 && stats.PausedWorkers == stats.Workers) status = $"Paused, waiting for valid work: {status}";
                output.Progress(new WorkflowProgress(activityId, activity, status)
                {
                    CurrentOperation = $"{session.BackendName}, {stats.Workers} worker(s), {stats.Elapsed:hh\\:mm\\:ss} elapsed; " +
                        "the rate is the EWMA of recent samples",
                    Statistics = withStatistics ? stats : null,
                });
            }
        }
        finally
        {
            // Stop and join every worker thread before returning, whatever ended the loop.
            session.Stop(TimeSpan.FromSeconds(5));
            if (!cancellation.IsCancellationRequested)
            {
                Drain(output, session, sourceMessages, node);
                output.Progress(new WorkflowProgress(activityId, activity, "Done") { Completed = true, Statistics = session.Snapshot() });
            }
        }
        cancellation.ThrowIfCancellationRequested();
        return session.Completion.Result;
    }

    /// <summary>
    /// The rate first: PowerShell's one-line progress view gives the status what the activity leaves of the console
    /// (at 80 columns, 35 characters or more) and cuts the rest, so what people watch a solve for must come first.
    /// </summary>
    public static string Describe(SolverStatistics s) =>
        $"{FormatRate(s.HashRate)}, {FormatEta(s.Difficulty, s.HashRate)}, block {s.BlockNumber}, {s.NoncesTried:N0} nonces tried, " +
        $"{s.Elapsed.TotalSeconds:F1} s, difficulty {s.Difficulty:N0}";

    /// <summary>
    /// Expected time left: difficulty ÷ current rate. The search is memoryless (every seal wins with probability 1/D), so
    /// the nonces already tried do not shorten it. Two units at most, so it stays beside the rate at 80 columns.
    /// </summary>
    public static string FormatEta(ulong difficulty, double sealsPerSecond) =>
        "~ETA " + (sealsPerSecond > 0 ? FormatDuration(difficulty / sealsPerSecond) : "?");

    /// <summary>A duration in its two largest units ("1m20s", "3h05m", "12d04h"), rounded up; "&gt;99y" beyond a century.</summary>
    public static string FormatDuration(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0) return "?";
        if (seconds >= 100 * 365.25 * 86400) return ">99y";
        var t = TimeSpan.FromSeconds(Math.Ceiling(seconds));
        return t.TotalSeconds switch
        {
            < 60 => $"{t.Seconds}s",
            < 3600 => $"{t.Minutes}m{t.Seconds:D2}s",
            < 86400 => $"{t.Hours}h{t.Minutes:D2}m",
            < 365 * 86400 => $"{t.Days}d{t.Hours:D2}h",
            _ => $"{(int)(t.TotalDays / 365.25)}y",
        };
    }

    public static string FormatRate(double sealsPerSecond) => sealsPerSecond switch
    {
        >= 1e9 => $"{sealsPerSecond / 1e9:F2} GH/s",
        >= 1e6 => $"{sealsPerSecond / 1e6:F2} MH/s",
        >= 1e3 => $"{sealsPerSecond / 1e3:F2} kH/s",
        _ => $"{sealsPerSecond:F0} H/s",
    };

    private static void Drain(IWorkflowOutput output, SolveSession session, System.Collections.Concurrent.ConcurrentQueue<string>? more,
        Chain.NodeWatch? node)
    {
        node?.Speak(output);
        while (more is not null && more.TryDequeue(out var m)) output.Verbose(m);
        while (session.Messages.TryDequeue(out var message)) output.Verbose(message);
    }
}

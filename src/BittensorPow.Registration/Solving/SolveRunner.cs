using BittensorPow.Engine.Solving;

namespace BittensorPow.Registration.Solving;

/// <summary>
/// Drives a solve from the workflow's thread: workers run on their own threads; this loop reports progress a few
/// times a second and the workers' messages as verbose lines, and stops every worker when cancelled.
/// </summary>
public static class SolveRunner
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    /// <exception cref="OperationCanceledException">The caller cancelled; every worker has stopped.</exception>
    public static SolveResult Run(SolveSession session, SolveDisplay display, IWorkflowOutput output, CancellationToken cancellation)
    {
        var (activityId, activity) = (display.ActivityId, display.Activity);
        var describe = display.Describe;
        var sourceMessages = display.SourceMessages;
        var node = display.Node;
        // A first snapshot at once: a search that ends within one tick has still said where it started.
        output.Progress(new WorkflowProgress(activityId, activity, "Starting") { Statistics = session.Snapshot() });
        try
        {
            while (!session.Completion.Wait(Tick))
            {
                Drain(output, session, sourceMessages, node);
                if (cancellation.IsCancellationRequested) break;
                var stats = session.Snapshot();
                string status = (describe ?? Describe)(stats);
                if (stats.PausedWorkers > 0 && stats.PausedWorkers == stats.Workers) status = $"Paused, waiting for valid work: {status}";
                output.Progress(new WorkflowProgress(activityId, activity, status) { CurrentOperation = $"{session.BackendName}, {stats.Workers} worker(s), {stats.Elapsed:hh\\:mm\\:ss} elapsed", Statistics = stats });
            }
        }
        finally
        {
            // Stop and join every worker thread before returning, whatever ended the loop.
            session.Stop(TimeSpan.FromSeconds(5));
            if (!cancellation.IsCancellationRequested)
            {
                Drain(output, session, sourceMessages, node);
                output.Progress(new WorkflowProgress(activityId, activity, "Done") { Completed = true });
            }
        }
        cancellation.ThrowIfCancellationRequested();
        return session.Completion.Result;
    }

    public static string Describe(SolverStatistics s) =>
        $"Block {s.BlockNumber}, difficulty {s.Difficulty:N0}, {FormatRate(s.HashRate)} (EWMA), {s.NoncesTried:N0} nonces tried, {s.Elapsed.TotalSeconds:F1} s";

    public static string FormatRate(double sealsPerSecond) => sealsPerSecond switch
    {
        >= 1e9 => $"{sealsPerSecond / 1e9:F2} GH/s",
        >= 1e6 => $"{sealsPerSecond / 1e6:F2} MH/s",
        >= 1e3 => $"{sealsPerSecond / 1e3:F2} kH/s",
        _ => $"{sealsPerSecond:F0} H/s",
    };

    private static void Drain(IWorkflowOutput output, SolveSession session, System.Collections.Concurrent.ConcurrentQueue<string>? more, Chain.NodeWatch? node)
    {
        node?.Speak(output);
        while (more is not null && more.TryDequeue(out var m)) output.Verbose(m);
        while (session.Messages.TryDequeue(out var message)) output.Verbose(message);
    }
}

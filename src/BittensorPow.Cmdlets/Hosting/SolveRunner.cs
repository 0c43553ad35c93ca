using System.Management.Automation;
using BittensorPow.Engine.Solving;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// Drives a solve from the pipeline thread: workers run on their own threads; this loop writes
/// Write-Progress a few times a second and the workers' messages as verbose lines, and stops every
/// worker when the pipeline is stopped.
/// </summary>
internal static class SolveRunner
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    public static SolveResult Run(PSCmdlet cmdlet, SolveSession session, string activity, int activityId, CancellationToken cancellation,
        Func<SolverStatistics, string>? describe = null, System.Collections.Concurrent.ConcurrentQueue<string>? sourceMessages = null)
    {
        try
        {
            while (!session.Completion.Wait(Tick))
            {
                Drain(cmdlet, session, sourceMessages);
                if (cancellation.IsCancellationRequested) break;
                var stats = session.Snapshot();
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, (describe ?? Describe)(stats))
                {
                    CurrentOperation = $"{session.BackendName}, {stats.Workers} worker(s), {stats.Elapsed:hh\\:mm\\:ss} elapsed",
                });
            }
        }
        finally
        {
            // Stop and join every worker thread before returning, whatever ended the loop.
            session.Stop(TimeSpan.FromSeconds(5));
            if (!cancellation.IsCancellationRequested)
            {
                Drain(cmdlet, session, sourceMessages);
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
        return session.Completion.IsCompleted ? session.Completion.Result : throw new PipelineStoppedException();
    }

    public static string Describe(SolverStatistics s) =>
        $"Block {s.BlockNumber}, difficulty {s.Difficulty:N0}, {FormatRate(s.HashRate)}, {s.NoncesTried:N0} nonces tried, {s.Elapsed.TotalSeconds:F1} s";

    public static string FormatRate(double sealsPerSecond) => sealsPerSecond switch
    {
        >= 1e9 => $"{sealsPerSecond / 1e9:F2} GH/s",
        >= 1e6 => $"{sealsPerSecond / 1e6:F2} MH/s",
        >= 1e3 => $"{sealsPerSecond / 1e3:F2} kH/s",
        _ => $"{sealsPerSecond:F0} H/s",
    };

    private static void Drain(PSCmdlet cmdlet, SolveSession session, System.Collections.Concurrent.ConcurrentQueue<string>? more)
    {
        while (more is not null && more.TryDequeue(out var m)) cmdlet.WriteVerbose(m);
        while (session.Messages.TryDequeue(out var message)) cmdlet.WriteVerbose(message);
    }
}

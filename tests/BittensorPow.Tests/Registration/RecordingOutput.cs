using System.Collections.Concurrent;
using BittensorPow.Registration;

namespace BittensorPow.Tests.Registration;

/// <summary>Records what a workflow says; <see cref="OnVerbose"/> lets a test act on the chain at a given step.</summary>
public sealed class RecordingOutput : IWorkflowOutput
{
    public ConcurrentQueue<string> VerboseLines { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<(string Target, string Action)> Questions { get; } = new();
    public int ProgressCount;
    public ConcurrentQueue<WorkflowProgress> ProgressRecords { get; } = new();
    public bool Answer { get; init; } = true;
    public Action<string>? OnVerbose { get; init; }

    public void Verbose(string message) { VerboseLines.Enqueue(message); OnVerbose?.Invoke(message); }
    public void Warning(string message) => Warnings.Enqueue(message);
    public void Progress(WorkflowProgress progress) { ProgressRecords.Enqueue(progress); Interlocked.Increment(ref ProgressCount); }
    public bool ShouldProcess(string target, string action) { Questions.Enqueue((target, action)); return Answer; }

    /// <summary>Runs <paramref name="act"/> once, the first time a verbose line contains <paramref name="fragment"/>.</summary>
    public static RecordingOutput ActingOnce(string fragment, Action act)
    {
        int acted = 0;
        return new RecordingOutput
        {
            OnVerbose = line => { if (line.Contains(fragment, StringComparison.Ordinal) && Interlocked.Exchange(ref acted, 1) == 0) act(); },
        };
    }

    public bool Said(string fragment) => VerboseLines.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    public async Task<bool> WaitForAsync(string fragment, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until) { if (Said(fragment)) return true; await Task.Delay(10); }
        return Said(fragment);
    }
}

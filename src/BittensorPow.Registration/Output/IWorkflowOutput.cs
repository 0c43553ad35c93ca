namespace BittensorPow.Registration;

/// <summary>
/// How a workflow talks back to whoever runs it (a cmdlet, a test): verbose detail, warnings, progress snapshots and
/// the question before a chain write. Workflows call it only from the thread that runs them, so a cmdlet can forward
/// each call to its own Write* methods.
/// </summary>
public interface IWorkflowOutput
{
    void Verbose(string message);
    void Warning(string message);
    void Progress(WorkflowProgress progress);

    /// <summary>Asks before work that leads to a chain write; false means do not do it (-WhatIf, or the user said no).</summary>
    bool ShouldProcess(string target, string action);
}

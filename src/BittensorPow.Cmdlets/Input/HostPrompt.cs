namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// <see cref="IUserPrompt"/> over the PowerShell host — asked only where someone can answer. pwsh's console host with
/// its input redirected reads the answer from that input and stops the whole script at its end, so it is not asked at
/// all; every other refusal (-NonInteractive, a host without a UI, a remote client that cannot prompt) is the host's own
/// exception, thrown before it writes anything, and becomes <see cref="PromptRefusedException"/>. A stop
/// (PipelineStoppedException, Ctrl+C) stays a stop.
/// </summary>
internal sealed class HostPrompt(PSHost host) : IUserPrompt
{
    public string? CannotAsk(bool showing)
    {
        if (host.Name != "ConsoleHost") return null;
        if (Console.IsInputRedirected) return "the console's input is redirected, so nobody can answer";
        if (showing && Console.IsOutputRedirected) return "the console's output is redirected, so it would go to a file or a pipe, not a screen";
        return null;
    }

    /// <summary>Through the host's Prompt with a SecureString field (masked), which -NonInteractive refuses before writing it.</summary>
    public SecureString ReadSecret(string caption, string message) => Mapped(() =>
    {
        var field = new FieldDescription("Password");
        field.SetParameterType(typeof(SecureString));
        var answer = host.UI.Prompt(caption, message, new Collection<FieldDescription> { field });
        return answer?.GetValueOrDefault("Password")?.BaseObject as SecureString
            ?? throw new PromptRefusedException("The host returned no answer to the password prompt.");
    });

    public int Choose(string caption, string message, IReadOnlyList<string> labels) => Mapped(() =>
        host.UI.PromptForChoice(caption, message, new Collection<ChoiceDescription>(labels.Select(l => new ChoiceDescription(l)).ToList()), 0));

    /// <summary>The host UI's own lines: not the pipeline, not a stream, and (pwsh 7.6) not a transcript.</summary>
    public void Show(IEnumerable<string> lines) => Mapped(() =>
    {
        foreach (var line in lines) host.UI.WriteLine(line);
        return 0;
    });

    private static T Mapped<T>(Func<T> ask)
    {
        try { return ask(); }
        catch (Exception e) when (e is not PipelineStoppedException
            and (RuntimeException or InvalidOperationException or NotImplementedException or NotSupportedException))
        {
            throw new PromptRefusedException(e.Message, e);
        }
    }
}

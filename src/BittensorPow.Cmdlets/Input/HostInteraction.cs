namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Asking the user, and showing a secret, through the PowerShell host — only where someone can answer. pwsh's console
/// host with its input redirected reads the answer from that input and stops the whole script at its end, so it is not
/// asked at all; every other refusal (-NonInteractive, a host without a UI, a remote client that cannot prompt) is the
/// host's own exception, thrown before it writes anything, and <see cref="Refused"/> tells those apart from a stop.
/// </summary>
internal static class HostInteraction
{
    /// <summary>Why the host cannot be asked (or, <paramref name="showing"/>, cannot show a secret to a person); null when it may try.</summary>
    public static string? CannotAsk(PSHost host, bool showing)
    {
        if (host.Name != "ConsoleHost") return null;
        if (Console.IsInputRedirected) return "the console's input is redirected, so nobody can answer";
        if (showing && Console.IsOutputRedirected) return "the console's output is redirected, so it would go to a file or a pipe, not a screen";
        return null;
    }

    /// <summary>The exceptions a host throws when it cannot prompt (PipelineStoppedException is Ctrl+C: it stays a stop).</summary>
    public static bool Refused(Exception e) => e is not PipelineStoppedException
        and (RuntimeException or InvalidOperationException or NotImplementedException or NotSupportedException);

    /// <summary>One secret read through the host's Prompt (masked), which -NonInteractive refuses before writing the prompt.</summary>
    public static SecureString ReadSecret(PSHost host, string caption, string message, string label)
    {
        var field = new FieldDescription(label);
        field.SetParameterType(typeof(SecureString));
        var answer = host.UI.Prompt(caption, message, new Collection<FieldDescription> { field });
        return answer?.GetValueOrDefault(label)?.BaseObject as SecureString
            ?? throw new PSInvalidOperationException("The host returned no answer to the password prompt.");
    }

    /// <summary>The host's choice between <paramref name="labels"/> ("&amp;Show"), the first being the default.</summary>
    public static int Choose(PSHost host, string caption, string message, params string[] labels) =>
        host.UI.PromptForChoice(caption, message, new Collection<ChoiceDescription>(labels.Select(l => new ChoiceDescription(l)).ToList()), 0);
}

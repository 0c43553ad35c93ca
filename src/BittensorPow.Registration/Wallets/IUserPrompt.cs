namespace BittensorPow.Registration.Wallets;

/// <summary>
/// The person at the keyboard, as the wallet flows (<see cref="PasswordPrompt"/>, <see cref="MnemonicDisplay"/>) need
/// them: asked for a secret or a choice, or shown lines that must reach a screen and nothing else. A cmdlet implements
/// it over its host; a test scripts it. Every member throws <see cref="PromptRefusedException"/> when the host refuses.
/// </summary>
public interface IUserPrompt
{
    /// <summary>
    /// Why nobody can answer (or, <paramref name="showing"/>, why a secret shown would not reach a person's screen);
    /// null when it may be tried.
    /// </summary>
    string? CannotAsk(bool showing);

    /// <summary>One secret, typed masked.</summary>
    SecureString ReadSecret(string caption, string message);

    /// <summary>The index of the label chosen ("&amp;Show"), the first being the default.</summary>
    int Choose(string caption, string message, IReadOnlyList<string> labels);

    /// <summary>Writes the lines on the screen only: never to output, a stream, a log or a transcript.</summary>
    void Show(IEnumerable<string> lines);
}

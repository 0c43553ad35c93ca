using System.Security;
using BittensorPow.Registration.Wallets;

namespace BittensorPow.Tests.Registration.Wallets;

/// <summary>
/// A user played from a script: each ReadSecret or Choose takes the next answer (a string is typed, an int chosen, an
/// exception thrown). It records what it was asked, in order, and every line shown, and keeps each secret it handed out
/// so a test can see whether it was disposed.
/// </summary>
internal sealed class ScriptedPrompt(params object[] answers) : IUserPrompt
{
    private readonly Queue<object> _answers = new(answers);

    /// <summary>What CannotAsk answers (for asking, and for showing unless <see cref="CannotShow"/>).</summary>
    public string? Cannot { get; init; }
    public string? CannotShow { get; init; }
    /// <summary>Show throws this refusal after writing the first line.</summary>
    public string? ShowRefusal { get; init; }

    public List<string> Events { get; } = [];
    public List<string> Shown { get; } = [];
    public List<SecureString> Handed { get; } = [];

    public string? CannotAsk(bool showing)
    {
        Events.Add(showing ? "CannotAsk(showing)" : "CannotAsk");
        return showing ? CannotShow ?? Cannot : Cannot;
    }

    public SecureString ReadSecret(string caption, string message)
    {
        Events.Add($"ReadSecret: {caption} | {message}");
        var secret = Secure((string)Next());
        Handed.Add(secret);
        return secret;
    }

    public int Choose(string caption, string message, IReadOnlyList<string> labels)
    {
        Events.Add($"Choose: {caption} | {message} | {string.Join(", ", labels)}");
        return (int)Next();
    }

    public void Show(IEnumerable<string> lines)
    {
        Events.Add("Show");
        foreach (var line in lines)
        {
            Shown.Add(line);
            if (ShowRefusal is not null) throw new PromptRefusedException(ShowRefusal);
        }
    }

    public static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (char c in text) s.AppendChar(c);
        return s;
    }

    public static bool IsDisposed(SecureString s)
    {
        try { _ = s.Length; return false; }
        catch (ObjectDisposedException) { return true; }
    }

    private object Next() => _answers.TryDequeue(out var answer)
        ? answer is Exception e ? throw e : answer
        : throw new Xunit.Sdk.XunitException("asked more than the script answers");
}

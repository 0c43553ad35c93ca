namespace BittensorPow.Registration.Input;

/// <summary>One value tab completion may offer, and what its tooltip says (the value itself when null).</summary>
public sealed record CompletionCandidate(string Value, string? Tooltip = null);

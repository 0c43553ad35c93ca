namespace BittensorPow.Registration.Wallets;

/// <summary>
/// The host refused to ask or to show (-NonInteractive, a host without a UI, a remote client that cannot prompt);
/// <see cref="Exception.Message"/> is the host's own reason. A stop (Ctrl+C) is never one.
/// </summary>
public sealed class PromptRefusedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>The host's reason as a clause, for "this session cannot prompt (…)".</summary>
    public string Why => Message.TrimEnd('.');
}

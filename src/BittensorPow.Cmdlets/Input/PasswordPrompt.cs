namespace BittensorPow.Cmdlets.Input;

/// <summary>Passwords asked through the host: an existing key's (for <see cref="KeyUnlock"/>), and a new coldkey's, twice.</summary>
internal static class PasswordPrompt
{
    /// <summary>Unlocks a keyfile: <paramref name="password"/>, its BT_PW_… variable, else a prompt where one can be answered.</summary>
    public static Sr25519KeyPair Unlock(PSHost host, string path, SecureString? password, string what, string parameter, IWorkflowOutput output) =>
        KeyUnlock.Read(path, password, variable => Ask(host, path, what, parameter, variable), parameter, output);

    public static Sr25519KeyPair Coldkey(PSHost host, string root, string wallet, SecureString? password, IWorkflowOutput output) =>
        Unlock(host, WalletPaths.Coldkey(root, wallet), password, $"The coldkey of wallet '{wallet}'", "-Password", output);

    private static SecureString Ask(PSHost host, string path, string what, string parameter, string variable)
    {
        if (HostInteraction.CannotAsk(host, showing: false) is { } why) throw KeyUnlock.PasswordRequired(path, what, parameter, variable, why);
        try { return HostInteraction.ReadSecret(host, $"{what} is encrypted", $"Password for {path}", "Password"); }
        catch (Exception e) when (HostInteraction.Refused(e))
        {
            throw KeyUnlock.PasswordRequired(path, what, parameter, variable, $"this session cannot prompt ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>A new coldkey's password, typed twice; PasswordRequired where nobody can type it.</summary>
    public static SecureString New(PSHost host, string path, string wallet)
    {
        string? why = HostInteraction.CannotAsk(host, showing: false);
        SecureString? first = null, second = null;
        try
        {
            if (why is null)
            {
                try
                {
                    first = HostInteraction.ReadSecret(host, $"The new coldkey of wallet '{wallet}' is sealed with a password", path, "Password");
                    second = HostInteraction.ReadSecret(host, "", "Type it again", "Password");
                }
                catch (Exception e) when (HostInteraction.Refused(e)) { why = $"this session cannot prompt ({e.Message.TrimEnd('.')})"; }
            }
            if (why is not null)
                throw new PowException(new PowError(ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, path,
                    $"The new coldkey of wallet '{wallet}' needs a password, and none was given: {why}.",
                    "Pass -Password (a SecureString), or -NoPassword for a test wallet whose coldkey is stored unencrypted.")
                {
                    Scope = PowErrorScope.Pipeline,
                });
            NewWalletWorkflow.CheckNewPassword(first!, second);
            var result = first!;
            first = null;
            return result;
        }
        finally
        {
            first?.Dispose();
            second?.Dispose();
        }
    }
}

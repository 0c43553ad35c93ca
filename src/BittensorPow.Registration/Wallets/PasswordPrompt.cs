namespace BittensorPow.Registration.Wallets;

/// <summary>
/// Passwords asked of the user: an existing key's (for <see cref="KeyUnlock"/>), and a new coldkey's, twice. Where
/// nobody can answer, the error is PasswordRequired naming every other way to give one.
/// </summary>
public sealed class PasswordPrompt(IUserPrompt prompt, IWorkflowOutput output)
{
    /// <summary>Unlocks a keyfile: <paramref name="password"/>, its BT_PW_… variable, else a prompt where one can be answered.</summary>
    /// <param name="what">The key, for messages ("Hotkey 'h' of wallet 'w'").</param>
    /// <param name="parameter">The caller's parameter for this password (-Password, -HotkeyPassword), for messages.</param>
    public Sr25519KeyPair Unlock(string path, SecureString? password, string what, string parameter) =>
        KeyUnlock.Read(path, password, variable => Ask(path, what, parameter, variable), parameter, output);

    public Sr25519KeyPair Coldkey(string root, string wallet, SecureString? password) =>
        Unlock(WalletPaths.Coldkey(root, wallet), password, $"The coldkey of wallet '{wallet}'", "-Password");

    public Sr25519KeyPair Hotkey(string root, string wallet, string hotkey, SecureString? password) =>
        Unlock(WalletPaths.Hotkey(root, wallet, hotkey), password, $"Hotkey '{hotkey}' of wallet '{wallet}'", "-HotkeyPassword");

    /// <summary>A new coldkey's password, typed twice; the caller disposes it.</summary>
    /// <exception cref="PowException">PasswordRequired where nobody can type it; EmptyPassword, PasswordMismatch.</exception>
    public SecureString New(string path, string wallet)
    {
        string? why = prompt.CannotAsk(showing: false);
        SecureString? first = null, second = null;
        try
        {
            if (why is null)
            {
                try
                {
                    first = prompt.ReadSecret($"The new coldkey of wallet '{wallet}' is sealed with a password", path);
                    second = prompt.ReadSecret("", "Type it again");
                }
                catch (PromptRefusedException e) { why = $"this session cannot prompt ({e.Why})"; }
            }
            if (why is not null) throw NewPasswordRequired(path, wallet, why);
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

    private SecureString Ask(string path, string what, string parameter, string variable)
    {
        if (prompt.CannotAsk(showing: false) is { } why) throw KeyUnlock.PasswordRequired(path, what, parameter, variable, why);
        try { return prompt.ReadSecret($"{what} is encrypted", $"Password for {path}"); }
        catch (PromptRefusedException e)
        {
            throw KeyUnlock.PasswordRequired(path, what, parameter, variable, $"this session cannot prompt ({e.Why})");
        }
    }

    private static PowException NewPasswordRequired(string path, string wallet, string why) =>
        PowException.Pipeline(ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, path,
            $"The new coldkey of wallet '{wallet}' needs a password, and none was given: {why}.",
            "Pass -Password (a SecureString), or -NoPassword for a test wallet whose coldkey is stored unencrypted.");
}

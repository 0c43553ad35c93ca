namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Reads a keyfile's secret for signing, taking its password where btwallet takes it, in btwallet's order: the password
/// given, else the keyfile's BT_PW_… environment variable (<see cref="KeyfilePasswordVariable"/>), else the caller's
/// <c>ask</c> (a prompt, which throws PasswordRequired where nobody can answer). A keyfile that is not $NACL-encrypted
/// needs none and is never asked for one.
/// </summary>
public static class KeyUnlock
{
    /// <param name="ask">Called with the keyfile's variable name when a password is needed and none was given or set.</param>
    /// <param name="passwordParameter">The caller's parameter for this password (-Password, -HotkeyPassword), for messages.</param>
    /// <exception cref="PowException">
    /// The keyfile's failures (WrongPassword, KeyfileNotFound, …), InvalidPasswordVariable, LibsodiumUnavailable.
    /// </exception>
    public static Sr25519KeyPair Read(string path, SecureString? password, Func<string, SecureString> ask, string passwordParameter,
        IWorkflowOutput output)
    {
        try
        {
            if (password is not null || KeyfileFormats.Read(path) != KeyfileFormat.Nacl) return SecretKeyfile.Read(path, password);
            using (var fromVariable = KeyfilePasswordVariable.Read(path, out string variable))
            {
                if (fromVariable is not null)
                {
                    output.Verbose($"The password of {path} comes from {variable}.");
                    try { return SecretKeyfile.Read(path, fromVariable); }
                    catch (WalletFileException ex) when (ex.Error == WalletError.WrongPassword)
                    {
                        throw new WalletFileException(ex.Error, path,
                            $"Could not decrypt '{path}' with the password in {variable}: it is wrong (or the file is damaged).");
                    }
                }
                using var asked = ask(variable);
                return SecretKeyfile.Read(path, asked);
            }
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex, passwordParameter); }
        catch (LibsodiumUnavailableException ex) { throw WalletFailures.ToError(ex); }
    }

    /// <summary>PasswordRequired for a keyfile nobody can be asked about: statement-terminating; it names every way to give one.</summary>
    public static PowException PasswordRequired(string path, string what, string passwordParameter, string variable, string why) =>
        PowException.Pipeline(ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, path,
            $"{what} is encrypted, and no password was given: {why}.",
            $"Pass {passwordParameter}, set {variable} (about_BittensorPow), or run where a prompt can be answered.");
}

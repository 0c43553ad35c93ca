namespace BittensorPow.Registration.Workflows;

/// <summary>
/// New-BittensorWallet and New-BittensorHotkey: keys made from a new or a given BIP-39 mnemonic, written in btcli's
/// layout. A new mnemonic is handed to the caller's <c>show</c> once, after the keys are made and before any file is
/// written, so a caller that cannot show it (it throws) leaves nothing behind.
/// </summary>
public static class NewWalletWorkflow
{
    /// <summary>The files the request writes, after checking the names, the wallet and that none of them exists.</summary>
    /// <exception cref="PowException">InvalidWalletName, WalletNotFound (a hotkey for a wallet that is not there), KeyfileExists.</exception>
    public static IReadOnlyList<string> Plan(NewWalletRequest request)
    {
        try
        {
            WalletWriter.CheckName(request.Wallet, "wallet", hotkey: false);
            if (request.Hotkey is not null) WalletWriter.CheckName(request.Hotkey, "hotkey", hotkey: true);
            string walletDir = Path.Combine(request.Root, request.Wallet);
            if (!request.Coldkey && !Directory.Exists(walletDir))
                throw new WalletFileException(WalletError.WalletNotFound, walletDir,
                    $"Wallet '{request.Wallet}' was not found at '{walletDir}': a hotkey is made inside an existing wallet.");
            var paths = new List<string>();
            var (root, wallet) = (request.Root, request.Wallet);
            if (request.Coldkey) paths.AddRange([WalletPaths.Coldkey(root, wallet), WalletPaths.ColdkeyPub(root, wallet)]);
            if (request.Hotkey is { } h) paths.AddRange([WalletPaths.Hotkey(root, wallet, h), WalletPaths.HotkeyPub(root, wallet, h)]);
            if (!request.Overwrite) WalletWriter.EnsureAbsent(paths);
            return paths;
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
    }

    /// <summary>
    /// As the commands run it: refuses first where a new mnemonic could not be shown, then asks the new coldkey's
    /// password (twice) where <see cref="NewWalletRequest.AskPassword"/> and none was given, then <see cref="Run(NewWalletRequest,
    /// Action{IReadOnlyList{NewMnemonic}}, IWorkflowOutput)"/> with each new mnemonic shown once through the prompt.
    /// </summary>
    /// <exception cref="PowException">MnemonicNotShown, PasswordRequired, PasswordMismatch, EmptyPassword; what Run throws.</exception>
    public static WalletInfo Run(NewWalletRequest request, IUserPrompt prompt, IWorkflowOutput output)
    {
        if (request.MakesMnemonic) MnemonicDisplay.EnsurePossible(prompt);
        using var asked = request is { Coldkey: true, Password: null, AskPassword: true }
            ? new PasswordPrompt(prompt, output).New(WalletPaths.Coldkey(request.Root, request.Wallet), request.Wallet)
            : null;
        return Run(request with { Password = request.Password ?? asked }, m => MnemonicDisplay.Show(prompt, request.Wallet, m), output);
    }

    /// <summary>Makes the keys, shows every new mnemonic, writes the files, and reads the wallet back (public data only).</summary>
    /// <exception cref="PowException">What <see cref="Plan"/> throws; InvalidMnemonic; LibsodiumUnavailable.</exception>
    public static WalletInfo Run(NewWalletRequest request, Action<IReadOnlyList<NewMnemonic>> show, IWorkflowOutput output)
    {
        Plan(request);
        var shown = new List<NewMnemonic>();
        var keys = new List<NewKeyfile>();
        try
        {
            var (root, wallet) = (request.Root, request.Wallet);
            if (request.Coldkey)
            {
                if (request.Password is not null) output.Verbose("Sealing the coldkey with its password (argon2i, 512 MiB: a few seconds).");
                keys.Add(Make(WalletPaths.Coldkey(root, wallet), WalletPaths.ColdkeyPub(root, wallet), request.Mnemonic, request.WordCount,
                    request.Password, "coldkey", shown));
            }
            if (request.Hotkey is { } h)
                keys.Add(Make(WalletPaths.Hotkey(root, wallet, h), WalletPaths.HotkeyPub(root, wallet, h), request.Coldkey ? null : request.Mnemonic,
                    request.WordCount, null, $"hotkey '{h}'", shown));
            if (shown.Count > 0) show(shown);
            WalletWriter.Write(keys, request.Overwrite);
            foreach (var k in keys) output.Verbose($"Wrote {k.Path}{(k.Encrypted ? " ($NACL)" : "")} and {k.PublicPath}.");
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        catch (LibsodiumUnavailableException ex) { throw WalletFailures.ToError(ex); }
        finally { foreach (var k in keys) k.Dispose(); }
        return WalletDirectory.Get(request.Root, request.Wallet);
    }

    /// <summary>A new coldkey password: not empty (btwallet refuses one), and typed the same twice when it was typed.</summary>
    /// <exception cref="PowException">EmptyPassword, PasswordMismatch.</exception>
    public static void CheckNewPassword(SecureString password, SecureString? again)
    {
        if (password.Length == 0)
            throw PowException.Parameter(ErrorIds.EmptyPassword, null, "The coldkey's password is empty.",
                "Give a password (the coldkey is sealed with it), or -NoPassword for a test wallet whose coldkey is stored unencrypted.");
        if (again is null) return;
        var a = SecretKeyfile.ToUtf8(password);
        var b = SecretKeyfile.ToUtf8(again);
        try
        {
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b))
                throw PowException.Parameter(ErrorIds.PasswordMismatch, null, "The two passwords typed differ. Nothing was written.",
                    "Run the command again and type the same password twice.");
        }
        finally
        {
            Array.Clear(a);
            Array.Clear(b);
        }
    }

    private static NewKeyfile Make(string path, string publicPath, SecureString? mnemonic, int wordCount, SecureString? password, string key,
        List<NewMnemonic> shown)
    {
        if (mnemonic is not null)
        {
            try { return NewKeyfile.FromMnemonic(path, publicPath, mnemonic, password); }
            catch (FormatException ex)
            {
                throw PowException.Parameter(ErrorIds.InvalidMnemonic, null, $"-Mnemonic is not a valid BIP-39 English mnemonic: {ex.Message}",
                    "Give the 12 or 24 words in order, separated by spaces, as a SecureString (Read-Host -AsSecureString).");
            }
        }
        string phrase = MnemonicGenerator.Generate(wordCount);
        shown.Add(new NewMnemonic(key, phrase));
        return NewKeyfile.FromPhrase(path, publicPath, phrase, password);
    }
}

namespace BittensorPow.Registration.Wallets;

/// <summary>
/// Shows a new key's mnemonic once, through <see cref="IUserPrompt.Show"/> only (never output, a stream, an error or
/// a log), after the user has said they are ready, so that a host nobody answers shows nothing. pwsh 7.6 does not put
/// host UI writes into a Start-Transcript file (tests/pester/NewWallet.Tests.ps1 checks).
/// </summary>
public static class MnemonicDisplay
{
    /// <summary>Refuses early, before passwords are asked, where nothing shown would reach a person.</summary>
    /// <exception cref="PowException">MnemonicNotShown.</exception>
    public static void EnsurePossible(IUserPrompt prompt)
    {
        if (prompt.CannotAsk(showing: true) is { } why) throw NotShown(why);
    }

    /// <exception cref="PowException">MnemonicNotShown: the host cannot show it, cannot ask, or the user cancelled.</exception>
    public static void Show(IUserPrompt prompt, string wallet, IReadOnlyList<NewMnemonic> mnemonics)
    {
        EnsurePossible(prompt);
        string which = mnemonics.Count == 1 ? $"mnemonic of the {mnemonics[0].Key} is"
            : $"mnemonics of the {string.Join(" and of the ", mnemonics.Select(m => m.Key))} are";
        int choice;
        try
        {
            choice = prompt.Choose($"New keys for wallet '{wallet}'",
                $"The {which} shown next, once. Anyone who sees one can take its key. Show now?", ["&Show", "&Cancel"]);
        }
        catch (PromptRefusedException e) { throw NotShown($"this session cannot ask ({e.Why})"); }
        if (choice != 0) throw NotShown("you chose not to see it");
        try { prompt.Show(Lines(mnemonics)); }
        catch (PromptRefusedException e) { throw NotShown($"the host could not show it ({e.Why})"); }
    }

    private static IEnumerable<string> Lines(IReadOnlyList<NewMnemonic> mnemonics)
    {
        yield return "";
        yield return "IMPORTANT: write the mnemonic down and keep it offline. It is the only way to";
        yield return "get the key back, and anyone who has it can take the key and its TAO. It is not";
        yield return "shown again.";
        foreach (var m in mnemonics)
        {
            yield return "";
            yield return $"The mnemonic of the new {m.Key}:";
            yield return "";
            yield return "    " + m.Phrase;
        }
        yield return "";
        yield return "A key is made again from its mnemonic with New-BittensorWallet -Mnemonic,";
        yield return "New-BittensorHotkey -Mnemonic, or btcli's regen_coldkey / regen_hotkey.";
        yield return "";
    }

    private static PowException NotShown(string why) =>
        PowException.Pipeline(ErrorIds.MnemonicNotShown, PowErrorCategory.InvalidOperation, null,
            $"No new key was made: its mnemonic must be shown once, and {why}.",
            "Run it in an interactive console, or give the mnemonic with -Mnemonic (Read-Host -AsSecureString).");
}

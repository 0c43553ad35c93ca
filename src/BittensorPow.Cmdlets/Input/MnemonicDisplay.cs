namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Shows a new key's mnemonic once, on the host's screen only: written with the host's UI (never to the pipeline, a
/// stream, an error or a log), after the user has said they are ready, so that a host nobody answers shows nothing.
/// pwsh 7.6 does not put host UI writes into a Start-Transcript file (tests/pester/NewWallet.Tests.ps1 checks).
/// </summary>
internal static class MnemonicDisplay
{
    /// <summary>Refuses early, before passwords are asked, where the console cannot show anything to a person.</summary>
    public static void EnsurePossible(PSHost host)
    {
        if (HostInteraction.CannotAsk(host, showing: true) is { } why) throw NotShown(why);
    }

    public static void Show(PSHost host, string wallet, IReadOnlyList<NewMnemonic> mnemonics)
    {
        EnsurePossible(host);
        string which = mnemonics.Count == 1 ? $"mnemonic of the {mnemonics[0].Key} is"
            : $"mnemonics of the {string.Join(" and of the ", mnemonics.Select(m => m.Key))} are";
        int choice;
        try
        {
            choice = HostInteraction.Choose(host, $"New keys for wallet '{wallet}'",
                $"The {which} shown next, once. Anyone who sees one can take its key. Show now?", "&Show", "&Cancel");
        }
        catch (Exception e) when (HostInteraction.Refused(e)) { throw NotShown($"this session cannot ask ({e.Message.TrimEnd('.')})"); }
        if (choice != 0) throw NotShown("you chose not to see it");
        try
        {
            host.UI.WriteLine("");
            host.UI.WriteLine("IMPORTANT: write the mnemonic down and keep it offline. It is the only way to");
            host.UI.WriteLine("get the key back, and anyone who has it can take the key and its TAO. It is not");
            host.UI.WriteLine("shown again.");
            foreach (var m in mnemonics)
            {
                host.UI.WriteLine("");
                host.UI.WriteLine($"The mnemonic of the new {m.Key}:");
                host.UI.WriteLine("");
                host.UI.WriteLine("    " + m.Phrase);
            }
            host.UI.WriteLine("");
            host.UI.WriteLine("A key is made again from its mnemonic with New-BittensorWallet -Mnemonic,");
            host.UI.WriteLine("New-BittensorHotkey -Mnemonic, or btcli's regen_coldkey / regen_hotkey.");
            host.UI.WriteLine("");
        }
        catch (Exception e) when (HostInteraction.Refused(e)) { throw NotShown($"the host could not show it ({e.Message.TrimEnd('.')})"); }
    }

    private static PowException NotShown(string why) => new(new PowError(ErrorIds.MnemonicNotShown, PowErrorCategory.InvalidOperation, null,
        $"No new key was made: its mnemonic must be shown once, and {why}.",
        "Run it in an interactive console, or give the mnemonic with -Mnemonic (Read-Host -AsSecureString).")
    {
        Scope = PowErrorScope.Pipeline,
    });
}

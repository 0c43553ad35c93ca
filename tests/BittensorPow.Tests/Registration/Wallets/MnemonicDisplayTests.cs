using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Wallets;
using BittensorPow.Registration.Workflows;

namespace BittensorPow.Tests.Registration.Wallets;

/// <summary>A new mnemonic is shown once, through the prompt's Show only, after the user chose to see it.</summary>
public sealed class MnemonicDisplayTests
{
    // Stand-ins, not mnemonics of any key.
    private static readonly NewMnemonic[] Two = [new("coldkey", "phrase-of-the-coldkey"), new("hotkey 'h'", "phrase-of-the-hotkey")];

    private static string[] Notice(params string[] keysAndPhrases)
    {
        var lines = new List<string>
        {
            "",
            "IMPORTANT: write the mnemonic down and keep it offline. It is the only way to",
            "get the key back, and anyone who has it can take the key and its TAO. It is not",
            "shown again.",
        };
        for (int i = 0; i < keysAndPhrases.Length; i += 2)
            lines.AddRange(["", $"The mnemonic of the new {keysAndPhrases[i]}:", "", "    " + keysAndPhrases[i + 1]]);
        lines.AddRange(["", "A key is made again from its mnemonic with New-BittensorWallet -Mnemonic,",
            "New-BittensorHotkey -Mnemonic, or btcli's regen_coldkey / regen_hotkey.", ""]);
        return [.. lines];
    }

    [Fact]
    public void After_Show_is_chosen_the_notice_and_each_phrase_are_shown_once_and_only_through_Show()
    {
        var prompt = new ScriptedPrompt(0);
        MnemonicDisplay.Show(prompt, "w", Two);

        Assert.Equal(
            [
                "CannotAsk(showing)",
                "Choose: New keys for wallet 'w' | The mnemonics of the coldkey and of the hotkey 'h' are shown next, once. "
                    + "Anyone who sees one can take its key. Show now? | &Show, &Cancel",
                "Show",
            ], prompt.Events);
        Assert.Equal(Notice("coldkey", "phrase-of-the-coldkey", "hotkey 'h'", "phrase-of-the-hotkey"), prompt.Shown);
        foreach (var m in Two)
        {
            Assert.Equal(1, prompt.Shown.Count(l => l.Contains(m.Phrase, StringComparison.Ordinal)));
            Assert.False(prompt.Events.Any(l => l.Contains(m.Phrase, StringComparison.Ordinal)), "a phrase went into a question");
        }
    }

    [Fact]
    public void One_mnemonic_is_announced_in_the_singular()
    {
        var prompt = new ScriptedPrompt(0);
        MnemonicDisplay.Show(prompt, "w", [Two[1]]);
        Assert.Contains("| The mnemonic of the hotkey 'h' is shown next, once.", prompt.Events[1], StringComparison.Ordinal);
        Assert.Equal(Notice("hotkey 'h'", "phrase-of-the-hotkey"), prompt.Shown);
    }

    [Fact]
    public void Cancel_is_MnemonicNotShown_and_nothing_is_shown()
    {
        var prompt = new ScriptedPrompt(1);
        var e = Assert.Throws<PowException>(() => MnemonicDisplay.Show(prompt, "w", Two));
        AssertNotShown(e, "you chose not to see it");
        Assert.Empty(prompt.Shown);
        Assert.DoesNotContain("Show", prompt.Events);
    }

    [Fact]
    public void Where_it_cannot_be_shown_it_is_MnemonicNotShown_before_anything_is_asked_or_written()
    {
        var prompt = new ScriptedPrompt(0)
        {
            CannotShow = "the console's output is redirected, so it would go to a file or a pipe, not a screen",
        };
        Assert.Null(prompt.CannotAsk(showing: false));
        prompt.Events.Clear();

        AssertNotShown(Assert.Throws<PowException>(() => MnemonicDisplay.EnsurePossible(prompt)),
            "the console's output is redirected, so it would go to a file or a pipe, not a screen");
        AssertNotShown(Assert.Throws<PowException>(() => MnemonicDisplay.Show(prompt, "w", Two)),
            "the console's output is redirected, so it would go to a file or a pipe, not a screen");
        Assert.Equal(["CannotAsk(showing)", "CannotAsk(showing)"], prompt.Events);
        Assert.Empty(prompt.Shown);
    }

    [Fact]
    public void A_host_that_refuses_the_question_or_the_lines_is_MnemonicNotShown()
    {
        var cannotAsk = new ScriptedPrompt(new PromptRefusedException("Prompting is not supported."));
        AssertNotShown(Assert.Throws<PowException>(() => MnemonicDisplay.Show(cannotAsk, "w", Two)),
            "this session cannot ask (Prompting is not supported)");
        Assert.Empty(cannotAsk.Shown);

        var cannotWrite = new ScriptedPrompt(0) { ShowRefusal = "No UI." };
        var e = Assert.Throws<PowException>(() => MnemonicDisplay.Show(cannotWrite, "w", Two));
        AssertNotShown(e, "the host could not show it (No UI)");
        Assert.All(Two, m => Assert.DoesNotContain(m.Phrase, e.Message, StringComparison.Ordinal));
    }

    private static void AssertNotShown(PowException e, string why)
    {
        Assert.Equal((ErrorIds.MnemonicNotShown, PowErrorCategory.InvalidOperation, PowErrorScope.Pipeline, (object?)null),
            (e.Error.Id, e.Error.Category, e.Error.Scope, e.Error.Target));
        Assert.Equal($"No new key was made: its mnemonic must be shown once, and {why}.", e.Error.Message);
        Assert.Equal("Run it in an interactive console, or give the mnemonic with -Mnemonic (Read-Host -AsSecureString).",
            e.Error.RecommendedAction);
    }
}

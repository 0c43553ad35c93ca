using System.Security;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Wallets;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;
using BittensorPow.Tests.Registration.Wallets;
using BittensorPow.Tests.Wallets;

namespace BittensorPow.Tests.Registration;

/// <summary>New-BittensorWallet's workflow: the new mnemonics are shown before anything is written, and they are the keys' own.</summary>
public class NewWalletWorkflowTests
{
    private static SecureString Secure(string text)
    {
        var s = new SecureString();
        foreach (char c in text) s.AppendChar(c);
        return s;
    }

    [Fact]
    public void The_mnemonics_shown_are_the_coldkeys_and_the_hotkeys_and_make_the_same_keys_again()
    {
        using var root = new TempWalletRoot();
        IReadOnlyList<NewMnemonic>? shown = null;
        bool writtenBeforeShown = true;
        var made = NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "w") { Coldkey = true, Hotkey = "h1", WordCount = 24 },
            m => { shown = m; writtenBeforeShown = Directory.Exists(Path.Combine(root.Root, "w")); }, new RecordingOutput());
        Assert.False(writtenBeforeShown);
        Assert.Equal(["coldkey", "hotkey 'h1'"], shown!.Select(m => m.Key));
        Assert.All(shown!, m => Assert.Equal(24, m.Phrase.Split(' ').Length));
        Assert.DoesNotContain(shown![0].Phrase, shown[0].ToString());

        using var again = new TempWalletRoot();
        var coldkey = NewWalletWorkflow.Run(new NewWalletRequest(again.Root, "c") { Coldkey = true, Mnemonic = Secure(shown[0].Phrase) },
            _ => throw new InvalidOperationException("nothing new to show"), new RecordingOutput());
        var hotkey = NewWalletWorkflow.Run(new NewWalletRequest(again.Root, "c") { Hotkey = "h", Mnemonic = Secure(shown[1].Phrase) },
            _ => throw new InvalidOperationException("nothing new to show"), new RecordingOutput());
        Assert.Equal(made.ColdkeyPublicKey, coldkey.ColdkeyPublicKey);
        Assert.Equal(made.Hotkeys.Single().PublicKey, hotkey.Hotkeys.Single().PublicKey);
        Assert.NotEqual(made.ColdkeyPublicKey, made.Hotkeys.Single().PublicKey);
    }

    [Fact]
    public void When_the_mnemonic_cannot_be_shown_nothing_is_written()
    {
        using var root = new TempWalletRoot();
        var refused = new PowException(
            new PowError(ErrorIds.MnemonicNotShown, PowErrorCategory.InvalidOperation, null, "no screen", "use -Mnemonic"));
        var e = Assert.Throws<PowException>(() => NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "w") { Coldkey = true, Hotkey = "h" },
            _ => throw refused, new RecordingOutput()));
        Assert.Same(refused, e);
        Assert.Empty(Directory.GetFileSystemEntries(root.Root));
    }

    [Fact]
    public void A_hotkey_for_a_wallet_that_is_not_there_is_WalletNotFound_and_an_existing_one_KeyfileExists()
    {
        using var root = new TempWalletRoot();
        var missing = Assert.Throws<PowException>(() => NewWalletWorkflow.Plan(new NewWalletRequest(root.Root, "nope") { Hotkey = "h" }));
        Assert.Equal(ErrorIds.WalletNotFound, missing.Error.Id);
        root.CopySharedWallet("w");
        var exists = Assert.Throws<PowException>(() => NewWalletWorkflow.Plan(new NewWalletRequest(root.Root, "w") { Hotkey = "default" }));
        Assert.Equal(ErrorIds.KeyfileExists, exists.Error.Id);
        Assert.Equal(PowErrorCategory.ResourceExists, exists.Error.Category);
        Assert.Equal(2, NewWalletWorkflow.Plan(new NewWalletRequest(root.Root, "w") { Hotkey = "default", Overwrite = true }).Count);
    }

    [Fact]
    public void A_mnemonic_that_is_not_bip39_is_InvalidMnemonic_without_its_words()
    {
        using var root = new TempWalletRoot();
        var e = Assert.Throws<PowException>(() => NewWalletWorkflow.Run(
            new NewWalletRequest(root.Root, "w")
            {
                Coldkey = true, Mnemonic = Secure("walk fit lonely race hold basket smoke curtain lake obey drive bottom")
            },
            _ => { }, new RecordingOutput()));
        Assert.Equal(ErrorIds.InvalidMnemonic, e.Error.Id);
        Assert.DoesNotContain("lonely", e.Error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(root.Root));
    }

    [Fact]
    public void A_new_password_must_not_be_empty_and_must_be_typed_the_same_twice()
    {
        Assert.Equal(ErrorIds.EmptyPassword,
            Assert.Throws<PowException>(() => NewWalletWorkflow.CheckNewPassword(new SecureString(), null)).Error.Id);
        Assert.Equal(ErrorIds.PasswordMismatch,
            Assert.Throws<PowException>(() => NewWalletWorkflow.CheckNewPassword(Secure("one"), Secure("two"))).Error.Id);
        NewWalletWorkflow.CheckNewPassword(Secure("same"), Secure("same"));
        NewWalletWorkflow.CheckNewPassword(Secure("given"), null);
    }

    [Fact]
    public void A_key_made_from_the_development_phrase_is_the_development_key()
    {
        using var root = new TempWalletRoot();
        var made = NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "w") { Coldkey = true, Mnemonic = Secure(SubstrateBip39.DevPhrase) },
            _ => { }, new RecordingOutput());
        using var dev = Sr25519KeyPair.FromUri(SubstrateBip39.DevPhrase);
        Assert.Equal(dev.PublicKey, made.ColdkeyPublicKey);
        Assert.Equal(KeyfileFormat.Json, KeyfileFormats.Read(WalletPaths.Coldkey(root.Root, "w")));
    }

    [Fact]
    public void Through_a_prompt_an_unshowable_mnemonic_is_refused_before_the_password_is_asked_and_nothing_is_written()
    {
        using var root = new TempWalletRoot();
        var prompt = new ScriptedPrompt("pw", "pw", 0) { CannotShow = "no screen" };
        var e = Assert.Throws<PowException>(() => NewWalletWorkflow.Run(
            new NewWalletRequest(root.Root, "w") { Coldkey = true, AskPassword = true }, prompt, new RecordingOutput()));
        Assert.Equal(ErrorIds.MnemonicNotShown, e.Error.Id);
        Assert.Equal(["CannotAsk(showing)"], prompt.Events);
        Assert.Empty(Directory.GetFileSystemEntries(root.Root));
    }

    [Fact]
    public void Through_a_prompt_the_new_password_is_asked_twice_before_the_mnemonics_are_shown_and_seals_the_coldkey()
    {
        using var root = new TempWalletRoot();
        var prompt = new ScriptedPrompt("pw", "pw", 0);
        var output = new RecordingOutput();
        var made = NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "w") { Coldkey = true, Hotkey = "h", AskPassword = true }, prompt, output);

        string coldkey = WalletPaths.Coldkey(root.Root, "w");
        Assert.Equal(
            [
                "CannotAsk(showing)", "CannotAsk", $"ReadSecret: The new coldkey of wallet 'w' is sealed with a password | {coldkey}",
                "ReadSecret:  | Type it again", "CannotAsk(showing)", prompt.Events[5], "Show",
            ], prompt.Events);
        Assert.StartsWith("Choose: New keys for wallet 'w' | The mnemonics of the coldkey and of the hotkey 'h' are", prompt.Events[5],
            StringComparison.Ordinal);
        Assert.All(prompt.Handed, s => Assert.True(ScriptedPrompt.IsDisposed(s)));
        Assert.Equal(KeyfileFormat.Nacl, KeyfileFormats.Read(coldkey));
        using (var pair = SecretKeyfile.Read(coldkey, Secure("pw"))) Assert.Equal(made.ColdkeyPublicKey, pair.PublicKey);

        var phrases = prompt.Shown.Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(2, phrases.Count);
        Assert.All(phrases, p => Assert.Equal(12, p.Split(' ').Length));
        Assert.False(output.VerboseLines.Concat(output.Warnings).Any(l => phrases.Any(p => l.Contains(p, StringComparison.Ordinal))),
            "a mnemonic went into the output");
    }

    [Fact]
    public void Through_a_prompt_nothing_is_asked_when_a_password_or_a_mnemonic_is_given_or_none_is_wanted()
    {
        using var root = new TempWalletRoot();
        var prompt = new ScriptedPrompt();
        NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "plain") { Coldkey = true, Mnemonic = Secure(SubstrateBip39.DevPhrase) },
            prompt, new RecordingOutput());
        NewWalletWorkflow.Run(new NewWalletRequest(root.Root, "given")
        {
            Coldkey = true, Mnemonic = Secure(SubstrateBip39.DevPhrase), Password = Secure("pw"), AskPassword = true,
        }, prompt, new RecordingOutput());
        Assert.Empty(prompt.Events);
        Assert.Equal(KeyfileFormat.Json, KeyfileFormats.Read(WalletPaths.Coldkey(root.Root, "plain")));
        Assert.Equal(KeyfileFormat.Nacl, KeyfileFormats.Read(WalletPaths.Coldkey(root.Root, "given")));
    }
}

using System.Text;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Wallets;
using BittensorPow.Subtensor.Wallets;
using BittensorPow.Tests.Wallets;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Registration.Wallets;

/// <summary>A new coldkey's password asked twice, and an existing keyfile's asked only where nothing else gives it.</summary>
public sealed class PasswordPromptTests
{
    private const string Path = "/wallets/w/coldkey";

    private static string VectorPassword => SubstrateVectors.GetProperty("bittensor_nacl_coldkey").GetProperty("password").GetString()!;
    private static byte[] ColdkeyPublic => PublicKeyfile.ReadPublicKey(PathOf("wallet", "default", "coldkeypub.txt"));

    private static PasswordPrompt Passwords(IUserPrompt prompt) => new(prompt, new RecordingOutput());

    [Fact]
    public void A_new_password_is_asked_twice_and_the_first_is_returned_the_second_disposed()
    {
        var prompt = new ScriptedPrompt("s3cret", "s3cret");
        using var password = Passwords(prompt).New(Path, "w");
        Assert.Equal(
            ["CannotAsk", $"ReadSecret: The new coldkey of wallet 'w' is sealed with a password | {Path}", "ReadSecret:  | Type it again"],
            prompt.Events);
        Assert.Same(prompt.Handed[0], password);
        Assert.Equal(6, password.Length);
        Assert.True(ScriptedPrompt.IsDisposed(prompt.Handed[1]));
    }

    [Fact]
    public void Two_different_new_passwords_are_PasswordMismatch_and_both_are_disposed()
    {
        var prompt = new ScriptedPrompt("s3cret", "s3creT");
        var e = Assert.Throws<PowException>(() => Passwords(prompt).New(Path, "w"));
        Assert.Equal(ErrorIds.PasswordMismatch, e.Error.Id);
        Assert.All(prompt.Handed, s => Assert.True(ScriptedPrompt.IsDisposed(s)));
        Assert.Equal(2, prompt.Handed.Count);
    }

    [Fact]
    public void An_empty_new_password_is_EmptyPassword()
    {
        var prompt = new ScriptedPrompt("", "");
        Assert.Equal(ErrorIds.EmptyPassword, Assert.Throws<PowException>(() => Passwords(prompt).New(Path, "w")).Error.Id);
        Assert.All(prompt.Handed, s => Assert.True(ScriptedPrompt.IsDisposed(s)));
    }

    [Fact]
    public void Where_nobody_can_answer_a_new_password_is_PasswordRequired_without_asking()
    {
        var prompt = new ScriptedPrompt { Cannot = "the console's input is redirected, so nobody can answer" };
        var e = Assert.Throws<PowException>(() => Passwords(prompt).New(Path, "w"));
        Assert.Equal(["CannotAsk"], prompt.Events);
        Assert.Equal((ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, PowErrorScope.Pipeline, (object?)Path),
            (e.Error.Id, e.Error.Category, e.Error.Scope, e.Error.Target));
        Assert.Equal("The new coldkey of wallet 'w' needs a password, and none was given: the console's input is redirected, so nobody can answer.",
            e.Error.Message);
        Assert.Equal("Pass -Password (a SecureString), or -NoPassword for a test wallet whose coldkey is stored unencrypted.",
            e.Error.RecommendedAction);
    }

    [Fact]
    public void A_prompt_refused_after_the_first_password_is_PasswordRequired_and_the_first_is_disposed()
    {
        var prompt = new ScriptedPrompt("s3cret", new PromptRefusedException("No console is attached."));
        var e = Assert.Throws<PowException>(() => Passwords(prompt).New(Path, "w"));
        Assert.Equal(ErrorIds.PasswordRequired, e.Error.Id);
        Assert.Equal(PowErrorScope.Pipeline, e.Error.Scope);
        Assert.Equal("The new coldkey of wallet 'w' needs a password, and none was given: this session cannot prompt (No console is attached).",
            e.Error.Message);
        Assert.True(ScriptedPrompt.IsDisposed(Assert.Single(prompt.Handed)));
        Assert.DoesNotContain("s3cret", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlocking_asks_only_when_neither_a_password_nor_the_variable_gives_one()
    {
        using var root = new TempWalletRoot();
        string coldkey = System.IO.Path.Combine(root.CopySharedWallet("w"), "coldkey");
        string variable = KeyfilePasswordVariable.Name(coldkey);
        var silent = new ScriptedPrompt();

        using (var given = ScriptedPrompt.Secure(VectorPassword))
        using (var pair = Passwords(silent).Coldkey(root.Root, "w", given))
            Assert.Equal(ColdkeyPublic, pair.PublicKey);
        try
        {
            Environment.SetEnvironmentVariable(variable, KeyfilePasswordVariable.Encode(variable, Encoding.UTF8.GetBytes(VectorPassword)));
            using var pair = Passwords(silent).Coldkey(root.Root, "w", null);
            Assert.Equal(ColdkeyPublic, pair.PublicKey);
        }
        finally { Environment.SetEnvironmentVariable(variable, null); }
        Assert.Empty(silent.Events);

        var asked = new ScriptedPrompt(VectorPassword);
        using (var pair = Passwords(asked).Coldkey(root.Root, "w", null))
            Assert.Equal(ColdkeyPublic, pair.PublicKey);
        Assert.Equal(["CannotAsk", $"ReadSecret: The coldkey of wallet 'w' is encrypted | Password for {coldkey}"], asked.Events);
        Assert.True(ScriptedPrompt.IsDisposed(Assert.Single(asked.Handed)));
    }

    [Fact]
    public void A_plain_keyfile_is_unlocked_without_asking()
    {
        var prompt = new ScriptedPrompt();
        using var pair = Passwords(prompt).Hotkey(PathOf("wallet"), "default", "default", null);
        Assert.Equal(PublicKeyfile.ReadPublicKey(PathOf("wallet", "default", "hotkeys", "defaultpub.txt")), pair.PublicKey);
        Assert.Empty(prompt.Events);
    }

    [Fact]
    public void Unlocking_where_nobody_can_answer_or_the_host_refuses_is_PasswordRequired_naming_every_other_way()
    {
        using var root = new TempWalletRoot();
        string coldkey = System.IO.Path.Combine(root.CopySharedWallet("w"), "coldkey");
        string variable = KeyfilePasswordVariable.Name(coldkey);

        var cannot = new ScriptedPrompt { Cannot = "nobody is there" };
        var e = Assert.Throws<PowException>(() => Passwords(cannot).Coldkey(root.Root, "w", null));
        Assert.Equal(["CannotAsk"], cannot.Events);
        Assert.Equal((ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, PowErrorScope.Pipeline, (object?)coldkey),
            (e.Error.Id, e.Error.Category, e.Error.Scope, e.Error.Target));
        Assert.Equal("The coldkey of wallet 'w' is encrypted, and no password was given: nobody is there.", e.Error.Message);
        Assert.Equal($"Pass -Password, set {variable} (about_BittensorPow), or run where a prompt can be answered.", e.Error.RecommendedAction);

        var refusing = new ScriptedPrompt(new PromptRefusedException("The host cannot prompt."));
        var refused = Assert.Throws<PowException>(
            () => Passwords(refusing).Unlock(coldkey, null, "Hotkey 'h' of wallet 'w'", "-HotkeyPassword"));
        Assert.Equal(ErrorIds.PasswordRequired, refused.Error.Id);
        Assert.Equal("Hotkey 'h' of wallet 'w' is encrypted, and no password was given: this session cannot prompt (The host cannot prompt).",
            refused.Error.Message);
        Assert.StartsWith("Pass -HotkeyPassword, ", refused.Error.RecommendedAction, StringComparison.Ordinal);
    }
}

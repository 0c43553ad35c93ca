namespace BittensorPow.Registration.Wallets;

/// <summary>
/// One btcli wallet as the workflows read it, and the only way they read keyfiles: public keys without touching a
/// secret; the hotkey's secret only where it signs; the coldkey through the caller's unlock (a cmdlet asks for the
/// password its own way). Every keyfile failure becomes a WalletFile-family error naming the file.
/// </summary>
public sealed class WalletAccess(string root, string walletName, string hotkeyName)
{
    public string Root { get; } = root;
    public string WalletName { get; } = walletName;
    public string HotkeyName { get; } = hotkeyName;

    /// <summary>For an encrypted hotkey keyfile (most are not).</summary>
    public SecureString? HotkeyPassword { get; init; }

    /// <summary>
    /// Reads the hotkey the caller's way (its password from a parameter, BT_PW_… or a prompt); null: with
    /// <see cref="HotkeyPassword"/> only.
    /// </summary>
    public Func<Sr25519KeyPair>? UnlockHotkey { get; init; }

    /// <summary>Decrypts the coldkey (asking for its password if needed); null: this caller cannot sign with the coldkey.</summary>
    public Func<Sr25519KeyPair>? UnlockColdkey { get; init; }

    /// <summary>
    /// -Hotkey: a hotkey given by its public key instead of the wallet's. Enough where the coldkey signs (pow_register, a
    /// burn); register, which the hotkey signs, refuses it.
    /// </summary>
    public byte[]? Hotkey { get; init; }

    public byte[] HotkeyPublicKey() => Hotkey is { } given
        ? (byte[])given.Clone()
        : Read(() => WalletHotkey.ReadPublicKey(Root, WalletName, HotkeyName), null);

    /// <summary>coldkeypub.txt: public data only, no password.</summary>
    public byte[] ColdkeyPublicKey() => Read(() => PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(Root, WalletName)), null);

    /// <summary>The hotkey's key pair, to sign <c>register</c>; the caller disposes it.</summary>
    public Sr25519KeyPair HotkeyPair() =>
        UnlockHotkey is { } unlock ? unlock() : Read(() => SecretKeyfile.ReadHotkey(Root, WalletName, HotkeyName, HotkeyPassword), "-HotkeyPassword");

    /// <summary>The coldkey's key pair, to sign a burn, a faucet drip or <c>pow_register</c>; the caller disposes it.</summary>
    public Sr25519KeyPair Coldkey() =>
        (UnlockColdkey ?? throw new InvalidOperationException("This wallet access was made without a way to unlock the coldkey."))();

    private static T Read<T>(Func<T> read, string? passwordParameter)
    {
        try { return read(); }
        catch (WalletFileException ex)
        {
            throw passwordParameter is null ? WalletFailures.ToError(ex) : WalletFailures.ToError(ex, passwordParameter);
        }
        catch (LibsodiumUnavailableException ex) { throw WalletFailures.ToError(ex); }
    }
}

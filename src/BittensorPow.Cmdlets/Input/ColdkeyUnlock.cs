using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using BittensorPow.Registration.Errors;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Input;

/// <summary>Decrypts a wallet's coldkey for the cmdlets that sign with it (the faucet, burned registrations).</summary>
internal static class ColdkeyUnlock
{
    public static Sr25519KeyPair Read(PSHost host, string root, string walletName, SecureString? password)
    {
        // The keyfile says first whether a password can help: a plain one (btcli --no-use-password) needs none.
        bool needsPassword;
        try { needsPassword = KeyfileFormats.Read(WalletPaths.Coldkey(root, walletName)) == KeyfileFormat.Nacl; }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        // Only a password we asked for is ours to dispose; the caller may reuse theirs.
        using var asked = password is null && needsPassword ? AskPassword(host, walletName) : null;
        try { return SecretKeyfile.ReadColdkey(root, walletName, password ?? asked); }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        catch (Subtensor.Native.LibsodiumUnavailableException ex) { throw WalletFailures.ToError(ex); }
    }

    private static SecureString AskPassword(PSHost host, string wallet)
    {
        try
        {
            host.UI.Write($"Password for the coldkey of wallet '{wallet}': ");
            return host.UI.ReadLineAsSecureString();
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or NotImplementedException or HostException)
        {
            throw new PowException(new PowError(ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, wallet,
                $"The coldkey of wallet '{wallet}' is encrypted and this session cannot ask for its password.",
                "Pass -Password (a SecureString, e.g. from Read-Host -AsSecureString or a secret store)."));
        }
    }
}

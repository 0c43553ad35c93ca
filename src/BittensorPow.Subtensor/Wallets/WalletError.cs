namespace BittensorPow.Subtensor.Wallets;

public enum WalletError
{
    KeyfileNotFound, KeyfileNotJson, KeyfileEncrypted, KeyfileNoPublicKey, WalletNotFound,
    /// <summary>A $NACL keyfile's MAC did not verify: the password is wrong (or the file is damaged).</summary>
    WrongPassword,
    /// <summary>$ANSIBLE_VAULT or Fernet ("gAAAAA…"): older btcli encryption this module does not read.</summary>
    KeyfileLegacyEncryption,
    /// <summary>The keyfile is encrypted and no password was given.</summary>
    PasswordRequired,
    /// <summary>The keyfile has neither privateKey nor secretSeed.</summary>
    KeyfileNoSecret,
    /// <summary>The secret in the keyfile does not produce its publicKey.</summary>
    KeyfileKeyMismatch,
    /// <summary>The path is there but no keyfile can be read from it: a folder, a looping link, no permission, far too large, an I/O error.</summary>
    KeyfileUnreadable,
    /// <summary>A keyfile to be written is already there (and overwriting was not asked for).</summary>
    KeyfileExists,
    /// <summary>A wallet or hotkey name that is not one file name (a separator, "..", a control character, "…pub.txt").</summary>
    InvalidWalletName,
    /// <summary>The keyfile's BT_PW_… variable is set but is not btwallet's encoding of a password.</summary>
    InvalidPasswordVariable,
}

@{
    Synopsis    = 'Makes a Bittensor wallet (a coldkey, and with -Hotkey a hotkey) as btcli does, from a new or a given mnemonic.'
    Description = @'
Writes a wallet in btcli's layout and keyfile format under the wallet folder (default BT_WALLET_PATH, else ~/.bittensor/wallets): <wallet>/coldkey and <wallet>/coldkeypub.txt, and with -Hotkey also <wallet>/hotkeys/<name> and <name>pub.txt. The keys are derived exactly as btcli and polkadot.js derive them: BIP-39 English mnemonic, substrate-bip39 mini secret, sr25519. The keyfiles hold btwallet's JSON fields (accountId, publicKey, privateKey, secretPhrase, secretSeed, ss58Address); the coldkey is sealed with -Password as btwallet seals it ($NACL: argon2i with libsodium's "sensitive" limits, then XSalsa20-Poly1305), which takes a few seconds and 512 MiB; the hotkey is plain JSON, btcli's default. btcli, bittensor and this module read the result.

Without -Mnemonic a new mnemonic is made from the system's cryptographic random generator (-WordCount 12 or 24 words) and shown ONCE on the host's screen, after you answer that you are ready, with a warning to write it down: it is the only way to get the key back. It is never written to the pipeline, to any stream, to an error or to a file other than the key's own keyfile (inside the sealed coldkey; in the clear in a hotkey's keyfile, as btcli writes it). PowerShell 7.6 does not record host output in a Start-Transcript file; another host may record what it shows. Where the host cannot show it to a person - pwsh's console with its input or output redirected, pwsh -NonInteractive, a host without a user interface, or you answer Cancel - no new mnemonic is made and nothing is written (MnemonicNotShown): give -Mnemonic instead. -Hotkey makes the hotkey from a new mnemonic of its own (shown the same way).

With -Mnemonic (a SecureString) the coldkey is made again from its words, as btcli's regen_coldkey does; nothing new is shown.

Without -Password or -NoPassword the password is asked twice (PasswordRequired where nobody can answer). Files are created readable by their owner only (0600, as btwallet leaves them) and new folders 0700. A file that is already there is never replaced without -Force (KeyfileExists, and nothing is written). Returns the wallet (public data only), as Get-BittensorWallet shows it.

Supports -WhatIf (lists the files it would write) and -Confirm.
'@
    Parameters  = @{
        WhatIf = 'Lists the files it would write, and writes nothing: no mnemonic is made or shown and no password is asked.'
        Confirm = 'Asks before any file is written. This Medium-impact cmdlet asks by default only when $ConfirmPreference is Medium or Low; -Confirm:$false never asks.'
        Name       = 'The wallet''s name (a folder under -WalletPath); default BT_WALLET_NAME, else ''default''. A plain file name: no path separators, no leading dot (InvalidWalletName).'
        WalletPath = 'The folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets); a relative path is taken from the current location. It is created (0700) if missing.'
        Hotkey     = 'Also make a hotkey of this name in the wallet, from a new mnemonic of its own (shown once with the coldkey''s).'
        WordCount  = 'How many words a new mnemonic has: 12 (128 bits, the default, as btcli) or 24 (256 bits).'
        Mnemonic   = 'The coldkey''s existing mnemonic, as a SecureString (Read-Host -AsSecureString): the coldkey is made again from it (btcli''s regen_coldkey) and nothing new is shown. InvalidMnemonic when a word is not in the BIP-39 English list, the count is not 12 to 24 words, or the checksum fails; no word is ever quoted back.'
        Password   = 'The password that seals the coldkey, as a SecureString; not empty (EmptyPassword). Without it and without -NoPassword it is asked twice.'
        NoPassword = 'Store the coldkey unencrypted (btcli''s --no-use-password): for test wallets only. Not with -Password (ConflictingParameters).'
        Force      = 'Replace keyfiles that are already there. The keys they hold are lost unless you have their mnemonics.'
    }
    Examples    = @(
        @{ Code = 'New-BittensorWallet -Name miner -Hotkey h1'; Remarks = 'Asks for a password twice, then shows the two new mnemonics once; writes ~/.bittensor/wallets/miner with its coldkey, coldkeypub.txt and hotkey h1.' }
        @{ Code = 'New-BittensorWallet -Name restored -Mnemonic (Read-Host -AsSecureString ''Mnemonic'') -Password (Read-Host -AsSecureString ''Password'')'; Remarks = 'Makes the coldkey again from its mnemonic (btcli''s regen_coldkey).' }
        @{ Code = 'New-BittensorWallet -Name test -WalletPath ./wallets -NoPassword -WhatIf'; Remarks = 'Lists the files a test wallet with an unencrypted coldkey would get, and writes nothing.' }
    )
}

@{
    Synopsis    = 'Makes a hotkey in a Bittensor wallet as btcli does, from a new or a given mnemonic.'
    Description = @'
Writes <wallet>/hotkeys/<name> and <wallet>/hotkeys/<name>pub.txt in btcli's layout and keyfile format, unencrypted as btcli's wallet new_hotkey writes them by default (the keyfile holds the key's mnemonic and secret in the clear, readable by its owner only: 0600). The key is derived exactly as btcli and polkadot.js derive it (BIP-39 English mnemonic, substrate-bip39 mini secret, sr25519). The wallet must exist (WalletNotFound): New-BittensorWallet makes one.

Without -Mnemonic a new mnemonic (-WordCount 12 or 24 words, from the system's cryptographic random generator) is shown ONCE on the host's screen after you answer that you are ready, and never written to the pipeline, a stream or an error. Where the host cannot show it to a person (pwsh's console with its input or output redirected, -NonInteractive, no user interface, or Cancel) no key is made (MnemonicNotShown): give -Mnemonic instead. With -Mnemonic the hotkey is made again from its words (btcli's regen_hotkey).

A file that is already there is never replaced without -Force (KeyfileExists). Returns the hotkey (public data only), as Get-BittensorWallet -Hotkeys shows it; it pipes into New-PowSolution.

Supports -WhatIf (lists the files it would write) and -Confirm.
'@
    Parameters  = @{
        WhatIf = 'Lists the files it would write, and writes nothing: no mnemonic is made or shown.'
        Confirm = 'Asks before any file is written. This Medium-impact cmdlet asks by default only when $ConfirmPreference is Medium or Low; -Confirm:$false never asks.'
        Name       = 'The hotkey''s name (default BT_WALLET_HOTKEY, else ''default''). A plain file name: no path separators, no leading dot, not ending in ''pub.txt'' (InvalidWalletName).'
        Wallet     = 'The wallet to add the hotkey to (default BT_WALLET_NAME, else ''default'').'
        WalletPath = 'The folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets); a relative path is taken from the current location.'
        WordCount  = 'How many words a new mnemonic has: 12 (the default, as btcli) or 24.'
        Mnemonic   = 'The hotkey''s existing mnemonic, as a SecureString: the hotkey is made again from it (btcli''s regen_hotkey) and nothing is shown. InvalidMnemonic when it is not a valid BIP-39 English mnemonic; no word is ever quoted back.'
        Force      = 'Replace the hotkey''s files if they are already there; the key they hold is lost unless you have its mnemonic.'
    }
    Examples    = @(
        @{ Code = 'New-BittensorHotkey -Wallet miner -Name h2'; Remarks = 'Shows the new hotkey''s mnemonic once and writes hotkeys/h2 and hotkeys/h2pub.txt in the wallet ''miner''.' }
        @{ Code = 'New-BittensorHotkey -Wallet miner -Name h2 | New-PowSolution -NetUid 1'; Remarks = 'Makes the hotkey and solves a registration for it.' }
    )
}

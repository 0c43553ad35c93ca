@{
    Synopsis    = 'Lists Bittensor wallets and their hotkeys (public data only).'
    Description = @'
Reads the wallet folder (default BT_WALLET_PATH, else ~/.bittensor/wallets) and returns each wallet with its coldkey address and its hotkeys. Only public files and public JSON fields are read; no secret is ever loaded. A key that cannot be read is listed with an Error instead of failing the listing.

With -Hotkeys it returns one object per hotkey, whose Hotkey property pipes into New-PowSolution.
'@
    Parameters  = @{
        Name       = 'Wallet names to list; wildcards allowed. Default: all.'
        WalletPath = 'The folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        Hotkeys    = 'Return one object per hotkey instead of one per wallet.'
    }
    Examples    = @(
        @{ Code = 'Get-BittensorWallet'; Remarks = 'Every wallet with its coldkey address and hotkeys.' }
        @{ Code = 'Get-BittensorWallet miner -Hotkeys | New-PowSolution -NetUid 1'; Remarks = 'Solves for every hotkey of the wallet ''miner'' in turn.' }
    )
}

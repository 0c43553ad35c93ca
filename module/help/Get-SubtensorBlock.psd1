@{
    Synopsis    = 'Reads a block from a subtensor node and, with -NetUid, the subnet''s registration state.'
    Description = @'
Returns the head block (or block -Number) with its hash and parent hash, the runtime's spec name and version, the seal byte order that runtime enforces, and what decides how to register or get funds there: RegisterVerifiesWork (false from spec 397: register burns, see Register-SubtensorNeuron -MaxCost), FaucetCall and RegisterLimitCall (Listed or NotListed: whether the runtime's metadata lists SubtensorModule.faucet and register_limit; listed is not enabled, since older runtimes list the faucet in builds without pow-faucet and answer FaucetDisabled). PowRegisterCall says whether the metadata lists pow_register (fee-free registration by work on Finney from spec 475), and RegistrationScheme which seal registration by work takes there (PowRegisterV1 for pow_register, Legacy for register up to spec 396). With -NetUid it adds, read in one request at that block with the runtime metadata's defaults for absent values: whether the subnet exists, whether proof-of-work registration (PowRegistrationAllowed, pow_register's only switch) and burn registration (RegistrationAllowed) are open, the difficulty a registration by work must meet (on pow_register runtimes the effective one, clamped to MinDifficulty and MaxDifficulty as the pallet does; the client does not predict the per-block decay), registrations in this block against MaxRegistrationsPerBlock, and the burn in TAO (what a burned registration costs now). With -Hotkey or -Wallet as well, the hotkey's uid there, its owner coldkey and its LastPowRegistrationBlock. The table view shows Order (LE/BE), Register (pow, work or burn), Faucet (listed or -) and Burn.
'@
    Parameters  = @{
        Endpoint = 'The node''s WebSocket URL. Default: BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network  = 'finney, test or local instead of -Endpoint (BT_SUBTENSOR_NETWORK sets the default).'
        Number   = 'The block number to read; default the head.'
        NetUid   = 'A subnet to report on.'
        TimeoutSec = 'Give up after this many seconds (1 to 3600), writing no output. It bounds the whole call: connecting, reading the runtime, the block and the subnet. Running out is RpcTimeout, and the message names what was being read.'
        Hotkey       = 'With -NetUid: a hotkey (SS58 or 0x public key) whose standing on the subnet to show: HotkeyUid (null when it is not registered there), HotkeyOwner (its coldkey) and LastPowRegistrationBlock (pow_register''s replay watermark). Refused beside -Wallet, -WalletHotkey or -WalletPath (ConflictingParameters).'
        Wallet       = 'With -NetUid: the wallet whose hotkey''s standing to show (only public keys are read).'
        WalletHotkey = 'The hotkey name inside -Wallet (default BT_WALLET_HOTKEY, else ''default'').'
        WalletPath   = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
    }
    Examples    = @(
        @{ Code = 'Get-SubtensorBlock -Network finney -NetUid 1'; Remarks = 'The Finney head and subnet 1''s difficulty and registration state.' }
        @{ Code = 'Get-SubtensorBlock -Endpoint ws://127.0.0.1:9944 -Number 100'; Remarks = 'Block 100 of a local node.' }
    )
}

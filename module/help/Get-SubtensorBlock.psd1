@{
    Synopsis    = 'Reads a block from a subtensor node and, with -NetUid, the subnet''s registration state.'
    Description = @'
Returns the head block (or block -Number) with its hash and parent hash, the runtime's spec name and version, the seal byte order that runtime enforces, and what decides how to register or get funds there: RegisterVerifiesWork (false from spec 397: register burns, see Register-SubtensorNeuron -MaxCost), FaucetCall and RegisterLimitCall (Listed or NotListed: whether the runtime's metadata lists SubtensorModule.faucet and register_limit; listed is not enabled, since older runtimes list the faucet in builds without pow-faucet and answer FaucetDisabled). With -NetUid it adds whether the subnet exists, its difficulty, its burn in TAO (what a burned registration costs now), and whether registration and proof-of-work registration are open, all read at that block with the runtime metadata's defaults for absent values. The table view shows Order (LE/BE), Register (work or burn), Faucet (listed or -) and Burn.
'@
    Parameters  = @{
        Endpoint = 'The node''s WebSocket URL. Default: BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network  = 'finney, test or local instead of -Endpoint (BT_SUBTENSOR_NETWORK sets the default).'
        Number   = 'The block number to read; default the head.'
        NetUid   = 'A subnet to report on.'
        TimeoutSec = 'Give up after this many seconds (1 to 3600), writing no output. It bounds the whole call: connecting, reading the runtime, the block and the subnet. Running out is RpcTimeout, and the message names what was being read.'
    }
    Examples    = @(
        @{ Code = 'Get-SubtensorBlock -Network finney -NetUid 1'; Remarks = 'The Finney head and subnet 1''s difficulty and registration state.' }
        @{ Code = 'Get-SubtensorBlock -Endpoint ws://127.0.0.1:9944 -Number 100'; Remarks = 'Block 100 of a local node.' }
    )
}

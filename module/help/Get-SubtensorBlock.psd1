@{
    Synopsis    = 'Reads a block from a subtensor node and, with -NetUid, the subnet''s registration state.'
    Description = @'
Returns the head block (or block -Number) with its hash and parent hash, the runtime's spec name and version, and the seal byte order that runtime enforces. With -NetUid it adds whether the subnet exists, its difficulty, and whether registration and proof-of-work registration are open, all read at that block with the runtime metadata's defaults for absent values.
'@
    Parameters  = @{
        Endpoint = 'The node''s WebSocket URL. Default: BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network  = 'finney, test or local instead of -Endpoint (BT_SUBTENSOR_NETWORK sets the default).'
        Number   = 'The block number to read; default the head.'
        NetUid   = 'A subnet to report on.'
    }
    Examples    = @(
        @{ Code = 'Get-SubtensorBlock -Network finney -NetUid 1'; Remarks = 'The Finney head and subnet 1''s difficulty and registration state.' }
        @{ Code = 'Get-SubtensorBlock -Endpoint ws://127.0.0.1:9944 -Number 100'; Remarks = 'Block 100 of a local node.' }
    )
}

@{
    Synopsis    = 'Checks a proof-of-work solution exactly as the chain does.'
    Description = @'
Recomputes the seal of the nonce on the reference path and applies the chain's difficulty rule (U256(seal) x D <= 2^256-1) under the solution's seal byte order. Takes PowSolution objects from the pipeline by property name, or the same values as parameters.

Returns $true or $false by default. -Detailed returns the recomputed seal, whether it matches the one given, whether it meets the difficulty (and the other byte order's rule), staleness against the node, and a reason. -PassThru passes valid solutions on and writes an InvalidSolution error for each invalid one.

With -Endpoint (given, or carried by the solution) it also asks the node for the head block and reports IsStale using the chain's window: the solution's block must be the head or the block before it.
'@
    Parameters  = @{
        BlockHash     = 'The block hash the solution was solved for (0x + 64 hex digits).'
        BlockNumber   = 'The block number the solution was solved for.'
        Difficulty    = 'The difficulty it must meet.'
        Hotkey        = 'The hotkey (SS58 or 0x public key).'
        Nonce         = 'The nonce to check.'
        Seal          = 'The seal the solution claims; when given, it must equal the recomputed seal.'
        SealByteOrder = 'The chain rule''s byte order (default LittleEndian).'
        Scheme          = 'Which seal the solution is for: Legacy (default, and what a solution without a Scheme property is) or PowRegisterV1 (pow_register, spec 475 on). A piped Scheme is read by name or by number, as ConvertTo-Json writes it.'
        NetUid          = 'The subnet a PowRegisterV1 seal binds (required for that scheme).'
        Coldkey         = 'The coldkey a PowRegisterV1 seal binds (required for that scheme): SS58 address or 0x public key, as New-PowSolution writes it.'
        Endpoint      = 'A node to check staleness against.'
        TimeoutSec    = 'With -Endpoint: give up on a solution''s check after this many seconds (1 to 3600). It bounds each solution''s check against the node, connecting to it (for the first solution) included. Running out is RpcTimeout, and the message names what was being read. Offline checks read no node and are not bounded.'
        Detailed      = 'Return a PowVerification object instead of a Boolean.'
        PassThru      = 'Pass valid solutions down the pipeline; write an error for invalid ones.'
    }
    Examples    = @(
        @{ Code = 'New-PowSolution -NetUid 1 | Test-PowSolution'; Remarks = 'Returns $true for a fresh solution.' }
        @{ Code = '$solution | Test-PowSolution -Detailed | Format-List'; Remarks = 'Shows the recomputed seal, the rule results and the reason.' }
        @{ Code = 'Get-Content solutions.json | ConvertFrom-Json | Test-PowSolution -PassThru | Register-SubtensorNeuron'; Remarks = 'Registers only the solutions that are still valid.' }
    )
}

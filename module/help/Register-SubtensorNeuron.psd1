@{
    Synopsis    = 'Registers a hotkey on a subnet with a proof-of-work solution (SubtensorModule.register).'
    Description = @'
Takes PowSolution objects from the pipeline (or, with -NetUid, solves first) and submits SubtensorModule.register signed by the HOTKEY, with the wallet's coldkey public key as the owner. Before anything is signed it checks what the pallet will check, in the pallet's order and quoting the pallet's own error docs from the runtime metadata: the subnet exists and PoW registration is open, the hotkey is not registered yet, the solution is inside the chain's window (the head or the block before it), its seal is the seal of its nonce for the chain's block hash, and it meets the difficulty under the byte order the runtime applies.

A solution that has gone stale is solved again (up to -MaxAttempts, like btcli's register). The transaction is followed to -Wait InBlock (default) or Finalized; the result carries the uid from the NeuronRegistered event, or the pallet error's name and docs from ExtrinsicFailed (also written as an error whose id is the pallet error's name, e.g. InvalidSeal).

On runtimes whose register burns TAO instead of checking work (spec 397 and later) it refuses with PowRegistrationRemoved unless -AcknowledgeBurn is given. The solve follows the node's runtime version: an upgrade across spec 271/272 switches the seal byte order for the next work (a verbose line says so), an upgrade to a runtime whose register burns stops the solve with PowRegistrationRemovedDuringSolve, and the extrinsic is always signed for the runtime the node runs when it is submitted. Supports -WhatIf and -Confirm (ConfirmImpact High). Only the hotkey's secret is read, and never shown.
'@
    Parameters  = @{
        Solution       = 'A PowSolution from New-PowSolution -NetUid (it carries NetUid, block, nonce, seal, hotkey and endpoint).'
        NetUid         = 'Solve for this subnet first, then register.'
        Endpoint       = 'The node''s WebSocket URL; default: the solution''s endpoint, BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network        = 'finney, test or local instead of -Endpoint.'
        Wallet         = 'Wallet name (default BT_WALLET_NAME, else ''default''); its coldkeypub.txt names the owner.'
        WalletHotkey   = 'Hotkey name (default BT_WALLET_HOTKEY, else ''default''); it signs.'
        WalletPath     = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        HotkeyPassword = 'Password of an encrypted hotkey keyfile (most hotkeys are not encrypted).'
        Wait           = 'None (submit only), InBlock (default) or Finalized.'
        TimeoutSec     = 'How long to wait for the chosen status (default 120).'
        MaxAttempts    = 'How many solutions to try when one goes stale (default 3).'
        Backend        = 'Back end for solving (see New-PowSolution).'
        Cuda           = 'Solve on CUDA GPUs.'
        DeviceId       = 'GPU device ids for solving.'
        ThreadCount    = 'CPU threads for solving.'
        SealByteOrder  = 'Override the runtime''s seal byte order (for diagnosis).'
        AcknowledgeBurn = 'On runtimes whose register burns TAO instead of checking work, allow that burn.'
        SkipValidation = 'Submit without the local checks and let the chain decide (for diagnosis).'
    }
    Examples    = @(
        @{ Code = 'New-PowSolution -NetUid 1 -Cuda | Test-PowSolution -PassThru | Register-SubtensorNeuron'; Remarks = 'Solves on the GPU, checks, and registers the default wallet''s hotkey on subnet 1 of the local node, asking for confirmation.' }
        @{ Code = 'Register-SubtensorNeuron -NetUid 3 -Network test -Wallet miner -WalletHotkey h1 -Confirm:$false -Wait Finalized'; Remarks = 'Solves and registers in one go on the test network, re-solving when a solution goes stale, and waits for finality.' }
        @{ Code = '$solution | Register-SubtensorNeuron -WhatIf'; Remarks = 'Runs every check and says what would be submitted, without submitting.' }
    )
}

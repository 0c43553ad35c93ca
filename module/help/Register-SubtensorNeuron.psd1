@{
    Synopsis    = 'Registers a hotkey on a subnet with a proof-of-work solution (SubtensorModule.register).'
    Description = @'
Takes solutions from the pipeline — PowSolution objects, or any object with the same properties (see -Solution) — or, with -NetUid, solves first, and submits SubtensorModule.register signed by the HOTKEY, with the wallet's coldkey public key as the owner. Before anything is signed it checks what the pallet will check, in the pallet's order and quoting the pallet's own error docs from the runtime metadata: the subnet exists and PoW registration is open, the hotkey is not registered yet, the solution is inside the chain's window (the head or the block before it), its seal is the seal of its nonce for the chain's block hash, and it meets the difficulty under the byte order the runtime applies.

A solution that has gone stale is solved again (up to -MaxAttempts, like btcli's register). The transaction is followed to -Wait InBlock (default) or Finalized; the result carries the uid from the NeuronRegistered event, or the pallet error's name and docs from ExtrinsicFailed (also written as an error whose id is the pallet error's name, e.g. InvalidSeal).

On runtimes whose register burns TAO instead of checking work (spec 397 and later) it refuses with PowRegistrationRemoved unless -AcknowledgeBurn is given. Supports -WhatIf and -Confirm (ConfirmImpact High). Only the hotkey's secret is read, and never shown.
'@
    Parameters  = @{
        Solution       = 'A solution from the pipeline: a PowSolution from New-PowSolution -NetUid, or any object with its properties by name — Nonce, BlockNumber, BlockHash, Difficulty, Hotkey, SealByteOrder, NetUid, and optionally Seal and Endpoint — such as one saved with ConvertTo-Json or Export-Csv and read back with ConvertFrom-Json or Import-Csv (numbers as text, SealByteOrder as LittleEndian/BigEndian or its number). A missing property is a MissingSolutionField error naming it; an unknown byte order is InvalidSealByteOrder.'
        NetUid         = 'Solve for this subnet first, then register.'
        Endpoint       = 'The node''s WebSocket URL; default: the solution''s endpoint, BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network        = 'finney, test or local instead of -Endpoint.'
        Wallet         = 'Wallet name (default BT_WALLET_NAME, else ''default''); its coldkeypub.txt names the owner.'
        WalletHotkey   = 'Hotkey name (default BT_WALLET_HOTKEY, else ''default''); it signs.'
        WalletPath     = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        HotkeyPassword = 'Password of an encrypted hotkey keyfile (most hotkeys are not encrypted).'
        Wait           = 'None (submit only), InBlock (default) or Finalized.'
        TimeoutSec     = 'Seconds (default 120) that connecting to the node may take (RpcTimeout naming the phase when it runs out), and then, for each submission, how long to wait for the chosen -Wait status (SubmissionTimeout).'
        MaxAttempts    = 'How many solutions to try when one goes stale (default 3).'
        Backend        = 'Back end for solving (see New-PowSolution).'
        Cuda           = 'Solve on CUDA GPUs.'
        DeviceId       = 'GPU device ids for solving.'
        ThreadCount    = 'CPU threads for solving.'
        HashRateSamples = 'How many recent hash-rate samples (one every 250 ms) the EWMA in the progress bar and the solution''s HashRate averages: 1 to 1000, default 10 (btcli''s n_samples). InvalidHashRateSamples otherwise.'
        HashRateAlpha = 'The weight kept per older sample in that EWMA: above 0 and at most 1, default 0.8 (btcli''s alpha_); 1 weighs every sample alike. InvalidHashRateAlpha otherwise.'
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

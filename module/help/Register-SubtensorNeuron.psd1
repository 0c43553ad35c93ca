@{
    Synopsis    = 'Registers a hotkey on a subnet with a proof-of-work solution (SubtensorModule.register).'
    Description = @'
Takes PowSolution objects from the pipeline (or, with -NetUid, solves first) and submits SubtensorModule.register signed by the HOTKEY, with the wallet's coldkey public key as the owner. Before anything is signed it checks what the pallet will check, in the pallet's order and quoting the pallet's own error docs from the runtime metadata: the subnet exists and PoW registration is open, the hotkey is not registered yet, the solution is inside the chain's window (the head or the block before it), its seal is the seal of its nonce for the chain's block hash, and it meets the difficulty under the byte order the runtime applies.

A solution that has gone stale is solved again (up to -MaxAttempts, like btcli's register). The transaction is followed to -Wait InBlock (default) or Finalized; the result carries the uid from the NeuronRegistered event, or the pallet error's name and docs from ExtrinsicFailed (also written as an error whose id is the pallet error's name, e.g. InvalidSeal).

On runtimes whose register burns TAO instead of checking work (spec 397 and later) it refuses with PowRegistrationRemoved unless -AcknowledgeBurn is given. Supports -WhatIf and -Confirm (ConfirmImpact High). Only the hotkey's secret is read, and never shown.
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
        Session         = 'When the cmdlet solves, spread the search over these PowerShell remoting sessions (BittensorPow installed on each host): every host solves its own disjoint nonce partition with -Backend/-Cuda/-DeviceId/-ThreadCount, following the chain''s heads itself; the first solution is re-verified and checked for freshness here, the other hosts are stopped, and it is registered from this machine.'
        HostName        = 'Like -Session, but opens (and afterwards closes) an SSH remoting session to each host itself. "host:port" gives a host its own port.'
        Port            = 'With -HostName: the SSH port for hosts that do not give one as host:port. Default 22.'
        UserName        = 'With -HostName: the user to log in as on every host.'
        KeyFilePath     = 'With -HostName: the private key file for SSH key authentication.'
        SshOption       = 'With -HostName: SSH options passed to New-PSSession -Options, such as @{ StrictHostKeyChecking = ''no'' }.'
        HostParameters  = 'Per-host overrides of -Backend/-Cuda/-DeviceId/-ThreadCount, keyed by host name (host, or host:port when the port is not 22): @{ rig2 = @{ Cuda = $true; DeviceId = 0,1 } }.'
    }
    Examples    = @(
        @{ Code = 'New-PowSolution -NetUid 1 -Cuda | Test-PowSolution -PassThru | Register-SubtensorNeuron'; Remarks = 'Solves on the GPU, checks, and registers the default wallet''s hotkey on subnet 1 of the local node, asking for confirmation.' }
        @{ Code = 'Register-SubtensorNeuron -NetUid 3 -Network test -Wallet miner -WalletHotkey h1 -Confirm:$false -Wait Finalized'; Remarks = 'Solves and registers in one go on the test network, re-solving when a solution goes stale, and waits for finality.' }
        @{ Code = '$solution | Register-SubtensorNeuron -WhatIf'; Remarks = 'Runs every check and says what would be submitted, without submitting.' }
    )
}

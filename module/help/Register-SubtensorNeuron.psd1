@{
    Synopsis    = 'Registers a hotkey on a subnet: with a proof-of-work solution, or on runtimes that burn instead (spec 397 on) with a capped burn.'
    Description = @'
Takes solutions from the pipeline — PowSolution objects, or any object with the same properties (see -Solution) — or, with -NetUid, solves first, and submits SubtensorModule.register signed by the HOTKEY, with the wallet's coldkey public key as the owner. Before anything is signed it checks what the pallet will check, in the pallet's order and quoting the pallet's own error docs from the runtime metadata: the subnet exists and PoW registration is open, the hotkey is not registered yet, the solution is inside the chain's window (the head or the block before it), its seal is the seal of its nonce for the chain's block hash, and it meets the difficulty under the byte order the runtime applies.

A solution that has gone stale is solved again (up to -MaxAttempts, like btcli's register). The transaction is followed to -Wait InBlock (default) or Finalized; the result carries the uid from the NeuronRegistered event, or the pallet error's name and docs from ExtrinsicFailed (also written as an error whose id is the pallet error's name, e.g. InvalidSeal).

On runtimes whose register burns TAO instead of checking work (spec 397 and later) there is no proof of work to submit: the registration is a burn that the wallet's COLDKEY signs and pays, and that coldkey owns the hotkey. It needs -MaxCost, the most TAO you accept to burn; without it the cmdlet refuses with PowRegistrationRemoved and shows the current burn. Where the runtime's metadata lists register_limit it is submitted with -MaxCost as its limit, so the chain itself refuses (RegistrationPriceLimitExceeded, nothing charged) a higher burn; otherwise burned_register is submitted after this client checked the burn at the current block against -MaxCost (a warning says so: the chain does not check the cap then). Before signing it also checks that the coldkey's free balance covers the burn (NotEnoughBalanceToStake). The coldkey is decrypted with -Password (or its BT_PW_ variable, or a prompt) once, after confirmation; a coldkey that is not encrypted needs no password. A piped solution only names the subnet there. On earlier runtimes nothing changes: proof of work, signed by the hotkey.

A proof-of-work solve follows the node's runtime version: an upgrade across spec 271/272 switches the seal byte order for the next work (a verbose line says so), an upgrade to a runtime whose register burns stops the solve with PowRegistrationRemovedDuringSolve, and every extrinsic is signed for the runtime the node runs when it is submitted.

Supports -WhatIf and -Confirm (ConfirmImpact High). Secrets are never shown.
'@
    Parameters  = @{
        Solution       = 'A solution from the pipeline: a PowSolution from New-PowSolution -NetUid, or any object with its properties by name — Nonce, BlockNumber, BlockHash, Difficulty, Hotkey, SealByteOrder, NetUid, and optionally Seal and Endpoint — such as one saved with ConvertTo-Json or Export-Csv and read back with ConvertFrom-Json or Import-Csv (numbers as text, SealByteOrder as LittleEndian/BigEndian or its number). A missing property is a MissingSolutionField error naming it; an unknown byte order is InvalidSealByteOrder.'
        NetUid         = 'Solve for this subnet first, then register.'
        Endpoint       = 'The node''s WebSocket URL; default: the solution''s endpoint, BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944. A solution shows a URL''s user-info masked (ws://***@host): for a node that needs user:password, give -Endpoint.'
        Network        = 'finney, test or local instead of -Endpoint.'
        Wallet         = 'Wallet name (default BT_WALLET_NAME, else ''default''); its coldkeypub.txt names the owner.'
        WalletHotkey   = 'Hotkey name (default BT_WALLET_HOTKEY, else ''default''); it signs.'
        WalletPath     = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        HotkeyPassword = 'Password of an encrypted hotkey keyfile (most hotkeys are not encrypted). Without it: the hotkey''s BT_PW_ environment variable (about_BittensorPow), else a prompt where someone can answer, else PasswordRequired.'
        Wait           = 'None (submit only), InBlock (default) or Finalized.'
        TimeoutSec     = 'Seconds (default 120, at most 86400: a day) that each attempt may take, from its start until the chosen -Wait status: connecting (counted in the first attempt), every RPC, solving, submitting and waiting for inclusion; the time spent answering -Confirm or a password prompt does not count. When it runs out the call ends with an error that names the phase: RpcTimeout while connecting or reading chain state, PowSolveTimeout while solving, SubmissionTimeout while submitting or waiting for inclusion (the transaction may still be included). A stale solution solved again is a new attempt (-MaxAttempts), with its own -TimeoutSec.'
        DifficultyMargin = 'On runtimes with pow_register (spec 475 on): solve for the chain''s effective difficulty D times this margin (1 to 1000, default 1), so a proof survives a competitor''s registration (x1.26) within its five-block window. Shown in -Verbose.'
        ReconnectLimitSec = 'Seconds (1 to 3600, default 60) to wait for a node whose connection dropped. A warning names the node and what the work was doing the moment the connection drops; the client reconnects with backoff capped at 2 s, and a node back on the same address (a restarted local chain too, whose blocks start again at 0) is followed again from its head. While it is away a solve pauses once its work is stale, and chain reads wait for the node to come back; a solution is never submitted twice. When the node stays away this long, or -TimeoutSec runs out while it is away, the call ends with NodeLost (ConnectionError), not SubmissionTimeout: a transaction sent before the drop may still be included.'
        MaxAttempts    = 'How many solutions to try when one goes stale (default 3). With pow_register also when the pool or a block refuses a proof for a reason more work fixes (expired, a raised difficulty); a full block makes the same proof wait for the next block, within -TimeoutSec, without a new attempt.'
        Backend        = 'Back end for solving (see New-PowSolution).'
        Cuda           = 'Solve on CUDA GPUs (the same as -Backend Cuda); refused (ConflictingParameters) beside a -Backend naming another back end.'
        DeviceId       = 'GPU device ids for solving.'
        ThreadCount    = 'CPU threads for solving.'
        HashRateSamples = 'How many recent hash-rate samples (one every 250 ms) the EWMA in the progress bar and the solution''s HashRate averages: 1 to 1000, default 10 (btcli''s n_samples). InvalidHashRateSamples otherwise.'
        HashRateAlpha = 'The weight kept per older sample in that EWMA: above 0 and at most 1, default 0.8 (btcli''s alpha_); 1 weighs every sample alike. InvalidHashRateAlpha otherwise.'
        SealByteOrder  = 'Override the runtime''s seal byte order (for diagnosis).'
        MaxCost        = 'Spec 397 and later: the most TAO the coldkey may burn (rounded down to whole rao). Sent to the chain as register_limit''s limit where the runtime lists that call, else checked by this client before burned_register. Without it the cmdlet refuses and shows the burn. Ignored on runtimes that check work.'
        Password       = 'Spec 397 and later: the coldkey''s password as a SecureString (the coldkey signs the burn); without it the coldkey''s BT_PW_ environment variable (about_BittensorPow), else an interactive session asks, else PasswordRequired. A coldkey that is not encrypted needs none.'
        SkipValidation = 'Submit without the local checks and let the chain decide (for diagnosis). For burned registrations it skips the balance check and, with register_limit, the client''s cap check; burned_register''s cap check is never skipped.'
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
        @{ Code = 'Register-SubtensorNeuron -NetUid 1 -Network local -MaxCost 1.005'; Remarks = 'On a current local chain (spec 397 and later): registers the default hotkey by burning at most 1.005 TAO from the default coldkey.' }
        @{ Code = '$solution | Register-SubtensorNeuron -WhatIf'; Remarks = 'Runs every check and says what would be submitted, without submitting.' }
    )
}

@{
    Synopsis    = 'Requests test TAO from the faucet of a local, devnet or testnet runtime, paying with proof of work.'
    Description = @'
On runtimes built with the pow-faucet feature (their metadata has SubtensorModule.faucet), solves the faucet seal for the wallet's COLDKEY at the fixed difficulty 1,000,000 under the runtime's byte order, then submits SubtensorModule.faucet signed by the coldkey. The coldkey is decrypted with -Password (or its BT_PW_ variable, or a prompt) only for signing and is never shown. Elsewhere it stops with FaucetNotAvailable; a node that lists the call but was built without pow-faucet answers FaucetDisabled after the work, and the error says how local chains get the feature (subtensor's scripts/localnet.sh or the localnet image).

Each drip writes a FaucetResult: the coldkey, Status (Funded or Failed), Amount paid (TAO), WorkBlock (the block the work was solved on), InclusionBlock and BlockHash, ExtrinsicHash, Attempts, and Balance, the coldkey's free TAO read at the inclusion block. A failed drip is also written as an error named after the pallet's error.
'@
    Parameters  = @{
        WhatIf = 'Says which coldkey would be funded at which node, and solves and submits nothing.'
        Confirm = 'Asks before the work starts. This Medium-impact cmdlet asks by default only when $ConfirmPreference is Medium or Low; -Confirm:$false never asks.'
        Endpoint    = 'The node''s WebSocket URL (default BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944).'
        Network     = 'finney, test or local instead of -Endpoint.'
        Wallet      = 'Wallet name (default BT_WALLET_NAME, else ''default'').'
        WalletPath  = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        Password    = 'The coldkey''s password as a SecureString. Without it the password comes from the coldkey''s BT_PW_ environment variable, as btwallet takes it (about_BittensorPow), else an interactive session asks; where nobody can answer (pwsh -NonInteractive, input redirected) it stops with PasswordRequired, without a prompt, and the script goes on with its next statement. A coldkey that is not encrypted (btcli --no-use-password) needs none and is never asked for one.'
        Wait        = 'None, InBlock (default) or Finalized.'
        ReconnectLimitSec = 'Seconds (1 to 3600, default 60) to wait for a node whose connection dropped. A warning names the node and what the work was doing the moment the connection drops; the client reconnects with backoff capped at 2 s, and a node back on the same address (a restarted local chain too, whose blocks start again at 0) is followed again from its head. While it is away a solve pauses once its work is stale, and chain reads wait for the node to come back; a solution is never submitted twice. When the node stays away this long, or -TimeoutSec runs out while it is away, the call ends with NodeLost (ConnectionError), not SubmissionTimeout: a drip sent before the drop may still be included.'
        TimeoutSec  = 'Seconds (default 120) that each drip may take, from its start until the chosen -Wait status: connecting (counted in the first drip), every RPC, solving (again, if a solution goes stale), submitting and waiting for inclusion; the time spent answering -Confirm or unlocking the coldkey does not count. When it runs out the call ends with an error that names the phase: RpcTimeout while connecting or reading chain state, PowSolveTimeout while solving, SubmissionTimeout while submitting or waiting for inclusion (the drip may still be included).'
        Backend     = 'Back end for solving (default Cpu).'
        ThreadCount = 'CPU threads for solving.'
        HashRateSamples = 'How many recent hash-rate samples (one every 250 ms) the EWMA in the progress bar and the solution''s HashRate averages: 1 to 1000, default 10 (btcli''s n_samples). InvalidHashRateSamples otherwise.'
        HashRateAlpha = 'The weight kept per older sample in that EWMA: above 0 and at most 1, default 0.8 (btcli''s alpha_); 1 weighs every sample alike. InvalidHashRateAlpha otherwise.'
        Count = 'How many drips, one after another, each solved on the current head (btcli''s max_successes). The coldkey is unlocked once and confirmation is asked once; every drip writes its own result.'
    }
    Examples    = @(
        @{ Code = 'Request-SubtensorFaucet -Network local -Wallet dev -Password (Read-Host -AsSecureString)'; Remarks = 'Funds the coldkey of wallet ''dev'' on a local pow-faucet chain.' }
    )
}

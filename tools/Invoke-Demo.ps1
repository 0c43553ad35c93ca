<#
.SYNOPSIS
    The main job, short, in the order users meet it: today's Finney (the DevNode's finney profile, spec 475) — a fresh,
    unfunded coldkey registers a hotkey fee-free with pow_register; a local chain (localnet profile, spec 425) — the
    faucet funding a fresh coldkey with -Count, a hotkey registered with -MaxCost; then the classic proof-of-work
    registration on a chain whose register still checks work (spec 218).
#>
param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'DevNode.psm1') -Force
$wallet = Join-Path $Root '../shared/wallet'

function Show($Object) { Write-Host (($Object | Format-Table | Out-String -Width 80).Trim("`r", "`n")) }

# A fresh wallet: a random coldkey, not encrypted (as btcli --no-use-password writes it), and a random hotkey.
function New-DemoWallet([string] $Path) {
    function Write-Key([string] $File, [switch] $Secret) {
        $seed = [Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        $pair = [BittensorPow.Subtensor.Crypto.Sr25519KeyPair]::FromMiniSecret($seed)
        $public = '0x' + [Convert]::ToHexStringLower($pair.PublicKey)
        $json = [ordered]@{ accountId = $public; publicKey = $public; ss58Address = $pair.Ss58Address }
        $json | ConvertTo-Json -Compress | Set-Content "${File}pub.txt"
        if ($Secret) { $json.secretSeed = '0x' + [Convert]::ToHexStringLower($seed); $json | ConvertTo-Json -Compress | Set-Content $File }
        [Array]::Clear($seed)
        $pair.Dispose()
    }
    New-Item -ItemType Directory (Join-Path $Path 'fresh/hotkeys') -Force | Out-Null
    Write-Key (Join-Path $Path 'fresh/coldkey') -Secret
    Write-Key (Join-Path $Path 'fresh/hotkeys/default')
}

$wallets = Join-Path ([IO.Path]::GetTempPath()) "bittensorpow-demo-$PID"
Write-Host '== Today''s Finney: DevNode --profile finney (spec 475, 2 s blocks here), PoW opened on subnet 1' -ForegroundColor Cyan
$node = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '2000', '--subnet', '1:200000:pow=on')
try {
    Show (Get-SubtensorBlock -Endpoint $node.Endpoint -NetUid 1)
    New-DemoWallet (Join-Path $wallets 'finney')   # after a cmdlet: the module's types load with its first command
    Write-Host '== Register-SubtensorNeuron -NetUid 1: pow_register, solved for this coldkey and signed by it; no TAO needed' -ForegroundColor Cyan
    $free = Register-SubtensorNeuron -NetUid 1 -Endpoint $node.Endpoint -Wallet fresh -WalletPath (Join-Path $wallets 'finney') -Confirm:$false
    Show $free
    if ($free.Status -ne 'Registered') { throw "pow_register failed: $($free.Error)" }
}
finally { Stop-DevNode $node }

Write-Host '== Today''s local chain: DevNode --profile localnet (spec 425, 250 ms blocks, pow-faucet)' -ForegroundColor Cyan
$node = Start-DevNode -Arguments @('--profile', 'localnet')
try {
    Show (Get-SubtensorBlock -Endpoint $node.Endpoint -NetUid 1)
    New-DemoWallet $wallets
    Write-Host '== Request-SubtensorFaucet -Count 3: proof of work funds a fresh coldkey (1000 TAO a drip)' -ForegroundColor Cyan
    $drips = Request-SubtensorFaucet -Endpoint $node.Endpoint -Wallet fresh -WalletPath $wallets -Count 3 -Confirm:$false
    Show $drips
    if (@($drips | Where-Object Status -ne 'Funded')) { throw 'A drip was not funded.' }
    Write-Host '== Register-SubtensorNeuron -MaxCost 1.005: register_limit, signed and paid by the coldkey' -ForegroundColor Cyan
    $burned = Register-SubtensorNeuron -NetUid 1 -Endpoint $node.Endpoint -Wallet fresh -WalletPath $wallets -MaxCost 1.005 -Confirm:$false
    Show $burned
    if ($burned.Status -ne 'Registered') { throw "Registration failed: $($burned.Error)" }
}
finally { Stop-DevNode $node; Remove-Item $wallets -Recurse -Force -ErrorAction SilentlyContinue }

Write-Host '== Classic: a spec-218 chain whose register checks the work (difficulty 50,000,000, 2 s blocks)' -ForegroundColor Cyan
$node = Start-DevNode -Arguments @('--block-ms', '2000', '--subnet', '1:50000000')
try {
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $wallet }
    $solution = New-PowSolution -NetUid 1 -Endpoint $node.Endpoint @w
    if (-not $solution) { throw 'No solution was found.' }
    # One line: PowSolution's table view is wider than 80 columns.
    Write-Host ("New-PowSolution: nonce {0} on block {1}, difficulty {2:N0} ({3}), {4:N0} nonces in {5:N1} s on {6}" -f $solution.Nonce,
        $solution.BlockNumber, $solution.Difficulty, $solution.SealByteOrder, $solution.NoncesTried,
        $solution.Elapsed.TotalSeconds, $solution.Backend)
    $check = $solution | Test-PowSolution -Detailed
    Write-Host ("Test-PowSolution: valid $($check.IsValid) (seal matches $($check.SealMatches), " +
        "meets difficulty $($check.MeetsDifficulty) $($check.SealByteOrder), stale $($check.IsStale))")
    if (-not $check.IsValid) { throw "The solution did not verify: $($check.Reason)" }
    $registration = $solution | Register-SubtensorNeuron @w -Confirm:$false
    Show $registration
    if ($registration.Status -ne 'Registered') { throw "Registration failed: $($registration.Error)" }
    Show (Measure-PowHashRate -Seconds 2)
    Write-Host ("Demo finished: registered fee-free by pow_register as uid $($free.Uid), funded $(@($drips).Count) times, registered by burn " +
        "as uid $($burned.Uid) and by proof of work as uid $($registration.Uid).") -ForegroundColor Green
}
finally { Stop-DevNode $node }

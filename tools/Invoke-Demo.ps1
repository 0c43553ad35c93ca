<#
.SYNOPSIS
    The main job: start the local dev chain, solve a registration against it as a user would, verify it, register it,
    stop the chain.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'DevNode.psm1') -Force
$wallet = Join-Path $Root '../shared/wallet'

Write-Host '== Starting the dev chain (subnet 1, difficulty 50,000,000, a block every 2 s)' -ForegroundColor Cyan
$node = Start-DevNode -Arguments @('--block-ms', '2000', '--subnet', '1:50000000')
try {
    Write-Host "Dev chain at $($node.Endpoint)"
    Get-SubtensorBlock -Endpoint $node.Endpoint -NetUid 1 | Format-List | Out-Host

    Write-Host '== New-PowSolution -NetUid 1 with the test wallet''s hotkey' -ForegroundColor Cyan
    $solution = New-PowSolution -NetUid 1 -Endpoint $node.Endpoint -Wallet default -WalletHotkey default -WalletPath $wallet -Verbose
    if (-not $solution) { throw 'No solution was found.' }
    $solution | Format-Table | Out-Host

    Write-Host '== Test-PowSolution -Detailed (recomputed seal, chain rule, staleness against the node)' -ForegroundColor Cyan
    $check = $solution | Test-PowSolution -Detailed
    $check | Format-List | Out-Host
    if (-not $check.IsValid) { throw "The solution did not verify: $($check.Reason)" }

    Write-Host '== Register-SubtensorNeuron (signed by the hotkey, owner = the wallet''s coldkey)' -ForegroundColor Cyan
    $registration = $solution | Register-SubtensorNeuron -Wallet default -WalletHotkey default -WalletPath $wallet -Confirm:$false -Verbose
    $registration | Format-List | Out-Host
    if ($registration.Status -ne 'Registered') { throw "Registration failed: $($registration.Error)" }
    New-PowSolution -NetUid 1 -Endpoint $node.Endpoint -Wallet default -WalletHotkey default -WalletPath $wallet -WarningVariable already -WarningAction SilentlyContinue | Out-Null
    Write-Host "Afterwards New-PowSolution says: $already"

    Write-Host '== Measure-PowHashRate' -ForegroundColor Cyan
    Measure-PowHashRate -Seconds 2 | Format-Table | Out-Host
    Write-Host "Demo finished: solved, verified and registered as uid $($registration.Uid) on the dev chain." -ForegroundColor Green
}
finally {
    Stop-DevNode $node
    Write-Host 'Dev chain stopped.'
}

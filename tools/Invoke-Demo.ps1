<#
.SYNOPSIS
    The main job: solve a registration and verify it, as a user would from PowerShell.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$vectors = Get-Content (Join-Path $Root '../shared/vectors/pow-vectors.json') -Raw | ConvertFrom-Json
$alice = $vectors.keys.alice.ss58_42

Write-Host '== Offline solve (difficulty 1,000,000, little-endian rule)' -ForegroundColor Cyan
$solution = New-PowSolution -BlockHash $vectors.blockHashes.finneyGenesis -BlockNumber 1 -Difficulty 1000000 -Hotkey $alice -Verbose
$solution | Format-Table | Out-Host
$check = $solution | Test-PowSolution -Detailed
$check | Format-List | Out-Host
if (-not $check.IsValid) { throw "The demo solution did not verify: $($check.Reason)" }
Measure-PowHashRate -Seconds 2 | Format-Table | Out-Host

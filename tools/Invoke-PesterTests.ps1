<#
.SYNOPSIS
    Runs the Pester tests against the built module in this (child) pwsh, with Pester restored from NuGet into ./.pester.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$pester = Get-ChildItem (Join-Path $root '.pester/pester') -Directory | Sort-Object { [version]$_.Name } | Select-Object -Last 1
Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1') -Force
$env:BITTENSORPOW_MODULE = $ModulePath
$env:BITTENSORPOW_ROOT = $root

$config = New-PesterConfiguration
$config.Run.Path = Join-Path $root 'tests/pester'
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultPath
$result = Invoke-Pester -Configuration $config
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content $SummaryPath

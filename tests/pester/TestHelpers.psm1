# Shared by the Pester tests: where the built module and ../shared are, and the shared vectors.
$script:Root = if ($env:BITTENSORPOW_ROOT) { $env:BITTENSORPOW_ROOT } else { Resolve-Path (Join-Path $PSScriptRoot '../..') }
$script:ModulePath = if ($env:BITTENSORPOW_MODULE) { $env:BITTENSORPOW_MODULE } else { Join-Path $script:Root 'out/BittensorPow' }

function Get-TestModulePath { $script:ModulePath }
function Get-SharedPath { Resolve-Path (Join-Path $script:Root '../shared') }
function Get-PowVectors { Get-Content (Join-Path (Get-SharedPath) 'vectors/pow-vectors.json') -Raw | ConvertFrom-Json }

<#
 Runs a script in a fresh runspace with the module imported and returns the PowerShell instance after it
 finished (or was stopped), so that tests can read every stream, progress included.
#>
function Invoke-InRunspace {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Parameters = @{}, [int] $StopAfterMs = -1, [switch] $Async)
    $ps = [powershell]::Create()
    [void]$ps.AddScript("Import-Module '$script:ModulePath'; `$ProgressPreference = 'Continue'; $Script")
    foreach ($k in $Parameters.Keys) { [void]$ps.AddParameter($k, $Parameters[$k]) }
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
    $stopWatch = $null
    if ($Async) { return [pscustomobject]@{ PowerShell = $ps; Output = $output; Async = $handle; StopElapsed = $null } }
    if ($StopAfterMs -ge 0) {
        Start-Sleep -Milliseconds $StopAfterMs
        $stopWatch = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stopWatch.Stop()
    }
    else {
        [void]$handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(5))
        try { [void]$ps.EndInvoke($handle) } catch { }
    }
    [pscustomobject]@{ PowerShell = $ps; Output = $output; StopElapsed = $stopWatch?.Elapsed }
}

function Wait-Runspace {
    param([Parameter(Mandatory)] $Run, [int] $TimeoutSec = 120)
    if (-not $Run.Async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSec))) { $Run.PowerShell.Stop() }
    try { [void]$Run.PowerShell.EndInvoke($Run.Async) } catch { }
    $Run
}

function Wait-RunspaceVerbose {
    # Until the -Async run has written a verbose line matching $Pattern: a step that must come after the run has got
    # somewhere waits for that, not for a fixed time a slow machine may overrun. Throws when it ends or times out first.
    param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] [string] $Pattern, [int] $TimeoutSec = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (@($Run.PowerShell.Streams.Verbose.Message) -match $Pattern)) {
        if ($Run.Async.IsCompleted) { throw "The run ended before writing a verbose line matching '$Pattern'." }
        if ([DateTime]::UtcNow -gt $deadline) { throw "No verbose line matching '$Pattern' within $TimeoutSec s." }
        Start-Sleep -Milliseconds 50
    }
}

Export-ModuleMember -Function Get-TestModulePath, Get-SharedPath, Get-PowVectors, Invoke-InRunspace, Wait-Runspace, Wait-RunspaceVerbose

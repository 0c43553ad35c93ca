<#
.SYNOPSIS
    Benchmarks the spread search over loopback SSH hosts (tools/ssh): aggregate seals/s of two hosts against one in
    the same run, the coordinator's own CPU cost, and the time from "solution found" to "all other hosts stopped".
.DESCRIPTION
    Needs the built module (out/BittensorPow) and sshd (tools/ssh/fetch-sshd.sh). Every host runs the CPU back end with
    -ThreadCount threads. Rates come from the coordinator's aggregated progress after -Seconds of searching a difficulty
    nobody solves; the coordinator's CPU is this process's processor time over that window (the hosts are other
    processes). The stop latency is each solution's HostsStoppedIn over -Solves offline solves.
#>
param([int] $Seconds = 10, [int] $ThreadCount = 1, [int] $Solves = 10, [ulong] $Difficulty = 3000000)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $root 'tools/ssh/TestSshd.psm1') -Force
Import-Module (Join-Path $root 'out/BittensorPow') -Force
$block = @{ BlockHash = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03'; BlockNumber = 1; Hotkey = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }

function Measure-Rate($Sessions) {
    # A runspace of its own in this process: the process's CPU time is the coordinator's (the hosts are other processes).
    $ps = [powershell]::Create()
    [void]$ps.AddScript('param($M, $P) Import-Module $M; New-PowSolution @P').AddParameter('M', (Join-Path $root 'out/BittensorPow')).AddParameter('P', @{ Session = $Sessions; Difficulty = [ulong]::MaxValue; ThreadCount = $ThreadCount } + $block)
    $me = [Diagnostics.Process]::GetCurrentProcess()
    $async = $ps.BeginInvoke()
    Start-Sleep -Seconds 3   # past the preflight, the hosts' start and this runspace's first JIT
    $me.Refresh(); $cpu0 = $me.TotalProcessorTime; $wall = [Diagnostics.Stopwatch]::StartNew()
    Start-Sleep -Seconds $Seconds
    $me.Refresh(); $cpu = ($me.TotalProcessorTime - $cpu0).TotalSeconds / $wall.Elapsed.TotalSeconds
    $last = @($ps.Streams.Progress | Where-Object { $_.ActivityId -eq 2 -and $_.StatusDescription -match 'total' })[-1]
    $ps.Stop(); $ps.Dispose()
    $m = [regex]::Match($last.StatusDescription, '([\d.]+) ([kMG]?)H/s total')
    $rate = [double]$m.Groups[1].Value * @{ '' = 1; 'k' = 1e3; 'M' = 1e6; 'G' = 1e9 }[$m.Groups[2].Value]
    [pscustomobject]@{ Hosts = @($Sessions).Count; SealsPerSecond = $rate; CoordinatorCpuPercentOfCore = [math]::Round(100 * $cpu, 2); PerHost = $last.CurrentOperation }
}

$hosts = Start-TestSshd -Count 2
try {
    $sessions = @(New-TestSshSession $hosts)
    Invoke-Command -Session $sessions { Import-Module BittensorPow } | Out-Null
    $one = Measure-Rate $sessions[0]
    $two = Measure-Rate $sessions
    $one, $two | Format-Table -AutoSize | Out-Host
    "two hosts / one host: {0:F2}x" -f ($two.SealsPerSecond / $one.SealsPerSecond)
    $stops = foreach ($i in 1..$Solves) { (New-PowSolution -Session $sessions @block -Difficulty $Difficulty -ThreadCount $ThreadCount).HostsStoppedIn.TotalMilliseconds }
    $sorted = $stops | Sort-Object
    "solution found -> all other hosts stopped over $Solves solves: median {0:F0} ms, max {1:F0} ms" -f $sorted[[int]($sorted.Count / 2)], $sorted[-1]
}
finally {
    Get-PSSession | Remove-PSSession
    Stop-TestSshd $hosts
}

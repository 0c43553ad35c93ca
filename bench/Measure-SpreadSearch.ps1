<#
.SYNOPSIS
    Benchmarks the spread search over loopback SSH hosts (tools/ssh): aggregate seals/s of two hosts against one in
    the same run, the coordinator's own CPU cost, and the time from "solution found" to "all other hosts stopped".
.DESCRIPTION
    Needs the built module (out/BittensorPow, or -Module) and sshd (tools/ssh/fetch-sshd.sh). Every host runs the CPU
    back end with -ThreadCount threads on a difficulty nobody solves.

    Coordinator CPU: this process's processor time over -Windows consecutive windows of -Seconds each, taken after a
    warm-up search that is not counted. The hosts are other processes; the ssh clients that carry the sessions are this
    process's children and have their own column (SshCpu). Each window also says how many methods the runtime
    compiled in it (the first minute of a process is dominated by tiered JIT, a one-off that a short window mistakes
    for the search's steady cost) and this process's busiest threads, in % of a core by thread name (the coordinator's
    loop runs on its runspace's "Pipeline Execution Thread"; this script's own, sleeping, has the same name).
    "idle" is the same process with the sessions open and no search: the floor.

    Rates come from the coordinator's aggregated progress at the end of the windows. The stop latency is each
    solution's HostsStoppedIn over -Solves offline solves.
.PARAMETER Module
    The module folder to measure (default out/BittensorPow); the hosts load the BittensorPow found beside it. Run the
    script once per build to compare two builds: one process cannot load two builds of the module.
#>
param([int] $Seconds = 30, [int] $Windows = 3, [int] $WarmUpSeconds = 20, [int] $ThreadCount = 1, [int] $Solves = 10,
    [ulong] $Difficulty = 3000000, [string] $Module)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
if (-not $Module) { $Module = Join-Path $root 'out/BittensorPow' }
Import-Module (Join-Path $root 'tools/ssh/TestSshd.psm1') -Force
Import-Module $Module -Force
$block = @{
    BlockHash = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03'; BlockNumber = 1
    Hotkey = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
}

function Get-Ticks([int[]] $ProcessIds) {
    # utime + stime from /proc/<pid>/stat, in clock ticks (1/100 s); a process gone since counts 0.
    $sum = 0
    foreach ($p in $ProcessIds) {
        $s = Get-Content "/proc/$p/stat" -Raw -ErrorAction Ignore
        if ($s) { $f = $s.Substring($s.LastIndexOf(')') + 2).Split(' '); $sum += [long]$f[11] + [long]$f[12] }
    }
    $sum
}

function Get-ThreadTicks {
    # This process's threads (tid -> name and ticks); the runtime names its threads, PowerShell its pipeline threads.
    $threads = @{}
    foreach ($t in Get-ChildItem "/proc/$PID/task" -Directory -ErrorAction Ignore) {
        $s = Get-Content "$($t.FullName)/stat" -Raw -ErrorAction Ignore
        if (-not $s) { continue }
        $close = $s.LastIndexOf(')'); $f = $s.Substring($close + 2).Split(' ')
        $threads[$t.Name] = [pscustomobject]@{
            Name = $s.Substring($s.IndexOf('(') + 1, $close - $s.IndexOf('(') - 1); Ticks = [long]$f[11] + [long]$f[12]
        }
    }
    $threads
}

function Get-ThreadShare($Before, $After, [double] $Seconds) {
    # % of a core per thread name over the window, largest first; threads that ended in the window are not seen.
    $after.GetEnumerator() | Group-Object { $_.Value.Name } | ForEach-Object {
        $ticks = 0; foreach ($e in $_.Group) { $ticks += $e.Value.Ticks - ($Before[$e.Key].Ticks ?? 0) }
        [pscustomobject]@{ Name = $_.Name; Share = $ticks / $Seconds }
    } | Where-Object Share -gt 0 | Sort-Object Share -Descending | Select-Object -First 4 | ForEach-Object { '{0} {1:F2}' -f $_.Name, $_.Share }
}

function Get-SshClient {
    # The ssh clients this process started for its sessions (direct children named ssh).
    foreach ($d in Get-ChildItem /proc -Directory | Where-Object Name -match '^\d+$') {
        $s = Get-Content "$($d.FullName)/stat" -Raw -ErrorAction Ignore
        if ($s -and $s.Contains('(ssh)') -and [int]$s.Substring($s.LastIndexOf(')') + 2).Split(' ')[1] -eq $PID) { [int]$d.Name }
    }
}

function Measure-Window([string] $Label, [int[]] $Clients) {
    $me = [Diagnostics.Process]::GetCurrentProcess()
    $load = (Get-Content /proc/loadavg).Split(' ')[0]
    $t0 = Get-ThreadTicks; $c0 = Get-Ticks $Clients; $j0 = [Runtime.JitInfo]::GetCompiledMethodCount($false)
    $me.Refresh(); $cpu0 = $me.TotalProcessorTime; $wall = [Diagnostics.Stopwatch]::StartNew()
    Start-Sleep -Seconds $Seconds
    $me.Refresh(); $cpu = ($me.TotalProcessorTime - $cpu0).TotalSeconds; $s = $wall.Elapsed.TotalSeconds
    $threads = Get-ThreadShare $t0 (Get-ThreadTicks) $s
    [pscustomobject]@{
        # CPU as % of one core: this process (the coordinator), and its ssh clients.
        Run = $Label; Cpu = [math]::Round(100 * $cpu / $s, 2); SshCpu = [math]::Round(((Get-Ticks $Clients) - $c0) / $s, 2)
        Jitted = [Runtime.JitInfo]::GetCompiledMethodCount($false) - $j0; Load = $load; Threads = $threads -join ', '
    }
}

function Start-Search($Sessions) {
    # A runspace of its own in this process: the process's CPU time is the coordinator's (the hosts are other processes).
    $ps = [powershell]::Create()
    [void]$ps.AddScript('param($M, $P) Import-Module $M; New-PowSolution @P').AddParameter('M', $Module).AddParameter('P',
        @{ Session = $Sessions; Difficulty = [ulong]::MaxValue; ThreadCount = $ThreadCount } + $block)
    [void]$ps.BeginInvoke()
    $ps
}

function Measure-Search($Sessions, [int[]] $Clients) {
    $n = @($Sessions).Count
    $ps = Start-Search $Sessions
    Start-Sleep -Seconds 3   # past the preflight and the hosts' start
    $windows = foreach ($i in 1..$Windows) { Measure-Window "$n host(s), window $i" $Clients }
    $last = @($ps.Streams.Progress | Where-Object { $_.ActivityId -eq 2 -and $_.StatusDescription -match 'total' })[-1]
    $ps.Stop(); $ps.Dispose()
    $m = [regex]::Match($last.StatusDescription, '([\d.]+) ([kMG]?)H/s total')
    $rate = [double]$m.Groups[1].Value * @{ '' = 1; 'k' = 1e3; 'M' = 1e6; 'G' = 1e9 }[$m.Groups[2].Value]
    $cpu = @($windows.Cpu | Sort-Object)
    [pscustomobject]@{
        Hosts = $n; SealsPerSecond = $rate; Windows = $windows; MedianCpu = $cpu[[int][math]::Floor($cpu.Count / 2)]
        PerHost = $last.CurrentOperation
    }
}

$hosts = Start-TestSshd -Count 2 -ModulePath (Split-Path $Module -Parent)
try {
    $sessions = @(New-TestSshSession $hosts)
    Invoke-Command -Session $sessions { Import-Module BittensorPow } | Out-Null
    $clients = @(Get-SshClient)
    "ssh clients of this process: $($clients.Count)"
    # Warm-up, not counted: the first search in a process JIT-compiles the remoting and search paths.
    $warm = Start-Search $sessions; Start-Sleep -Seconds $WarmUpSeconds; $warm.Stop(); $warm.Dispose()
    $idle = Measure-Window 'idle, sessions open' $clients
    $one = Measure-Search $sessions[0] $clients
    $two = Measure-Search $sessions $clients
    @($idle) + $one.Windows + $two.Windows | Format-Table -AutoSize -Wrap | Out-Host
    $one, $two | Select-Object Hosts, SealsPerSecond, MedianCpu, PerHost | Format-Table -AutoSize | Out-Host
    "coordinator CPU, median window, % of a core: idle {0}, one host {1}, two hosts {2}" -f $idle.Cpu, $one.MedianCpu, $two.MedianCpu
    "two hosts / one host: {0:F2}x" -f ($two.SealsPerSecond / $one.SealsPerSecond)
    $stops = foreach ($i in 1..$Solves) {
        (New-PowSolution -Session $sessions @block -Difficulty $Difficulty -ThreadCount $ThreadCount).HostsStoppedIn.TotalMilliseconds
    }
    $sorted = $stops | Sort-Object
    "solution found -> all other hosts stopped over $Solves solves: median {0:F0} ms, max {1:F0} ms" -f $sorted[[int]($sorted.Count / 2)], $sorted[-1]
}
finally {
    Get-PSSession | Remove-PSSession
    Stop-TestSshd $hosts
}

#Requires -Version 7.4
<#
.SYNOPSIS
    Runs every fuzz target (or those named) under AFL++ for -Seconds each (or until -Executions), one after another.
.DESCRIPTION
    Publishes tests/BittensorPow.Fuzz to out/fuzz/bin (or -Out/bin), instruments BittensorPow.Subtensor.dll there with the SharpFuzz
    local tool, writes the seed corpora from ../shared to out/fuzz/seeds, then runs afl-fuzz (fetched into .tools/afl)
    under nice. Prints "TARGET: N execs, C crashes, H hangs" per target; findings stay in out/fuzz/findings/<target>.
    -Executions N (AFL's -E) also stops each target after about N executions, whichever limit comes first; 0 means
    time only. -NoBuild reuses out/fuzz/bin and out/fuzz/seeds as they are, so one target can be rerun while another
    run still uses them. Exits 1 on any crash or hang. A crash input becomes a regression test by copying it to
    tests/BittensorPow.Tests/Fuzz/regressions/<target>/.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Root,
    [int] $Seconds = 60,
    [long] $Executions = 0,
    [switch] $NoBuild,
    [string[]] $Target,
    [int] $HangMilliseconds = 5000,
    # Another folder than out/fuzz lets a second run go on while the first still uses out/fuzz.
    [string] $Out
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if (-not $Out) { $Out = Join-Path $Root 'out/fuzz' }
$Bin = Join-Path $Out 'bin'
$Seeds = Join-Path $Out 'seeds'
$Findings = Join-Path $Out 'findings'
$Afl = Join-Path $Root '.tools/afl'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

Invoke-Native 'AFL++ fetch' { bash (Join-Path $Root 'tools/fuzz/fetch-afl.sh') }
if ($NoBuild) {
    if (-not (Test-Path (Join-Path $Bin 'BittensorPow.Fuzz.dll')) -or -not (Test-Path $Seeds)) {
        throw "-NoBuild: $Bin or $Seeds is missing; run once without it."
    }
} else {
    Invoke-Native 'dotnet tool restore' { dotnet tool restore | Out-Null }
    if (Test-Path $Bin) { Remove-Item $Bin -Recurse -Force }
    Invoke-Native 'fuzz publish' { dotnet publish (Join-Path $Root 'tests/BittensorPow.Fuzz') -c Release -o $Bin --nologo -v quiet }
    # Seeds first: instrumented code writes to AFL's shared memory and faults when run outside afl-fuzz.
    if (Test-Path $Seeds) { Remove-Item $Seeds -Recurse -Force }
    Invoke-Native 'seed corpora' { dotnet (Join-Path $Bin 'BittensorPow.Fuzz.dll') seed $Seeds }
    # Only the code under test gets AFL's edge counters; the harness and the BCL stay as they are.
    Invoke-Native 'SharpFuzz instrumentation' { dotnet sharpfuzz (Join-Path $Bin 'BittensorPow.Subtensor.dll') }
}

# .NET is not a classic AFL binary: no forkserver symbol to check, no core files, its own CPU and memory habits.
$env:AFL_SKIP_BIN_CHECK = '1'
$env:AFL_SKIP_CPUFREQ = '1'
$env:AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES = '1'
$env:AFL_NO_AFFINITY = '1'
$env:AFL_NO_UI = '1'
$env:AFL_DISABLE_TRIM = '1'   # trimming 300 KB metadata blobs costs more executions than it saves
$env:LD_LIBRARY_PATH = (Join-Path $Afl 'lib') + $(if ($env:LD_LIBRARY_PATH) { ":$env:LD_LIBRARY_PATH" } else { '' })

New-Item -ItemType Directory -Force $Findings | Out-Null
# pwsh -File passes "a,b" as one string, not a list.
$Target = @($Target | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$names = if ($Target) { $Target } else { Get-ChildItem $Seeds -Directory | Sort-Object Name | ForEach-Object Name }
$summary = foreach ($name in $names) {
    $dir = Join-Path $Findings $name
    if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    $log = Join-Path $Out "$name.log"
    $started = Get-Date
    $limits = @('-V', $Seconds) + $(if ($Executions -gt 0) { @('-E', $Executions) } else { @() })
    # timeout backs up -V: afl-fuzz checks the time limit only between executions.
    & timeout --kill-after=30 ($Seconds + 120) nice -n 19 (Join-Path $Afl 'bin/afl-fuzz') -i (Join-Path $Seeds $name) -o $dir `
        @limits -t $HangMilliseconds -m none -- dotnet (Join-Path $Bin 'BittensorPow.Fuzz.dll') fuzz $name *> $log
    $stats = Join-Path $dir 'default/fuzzer_stats'
    if (-not (Test-Path $stats)) {
        Write-Host "${name}: afl-fuzz did not start (see $log)" -ForegroundColor Red
        [pscustomobject]@{ Target = $name; Execs = 0; Crashes = 1; Hangs = 0; Seconds = 0; ExecsPerSecond = 0 }
        continue
    }
    $values = @{}
    foreach ($line in Get-Content $stats) { $k, $v = $line -split '\s*:\s*', 2; $values[$k.Trim()] = $v.Trim() }
    $row = [pscustomobject]@{
        Target = $name
        Execs = [long]$values.execs_done
        Crashes = [int]$values.saved_crashes
        Hangs = [int]$values.saved_hangs
        Seconds = [int]((Get-Date) - $started).TotalSeconds
        ExecsPerSecond = [double]$values.execs_per_sec
    }
    Write-Host ('{0}: {1} execs, {2} crashes, {3} hangs' -f $row.Target, $row.Execs, $row.Crashes, $row.Hangs)
    $row
}
# A run of named targets writes its own summary, so a rerun does not overwrite the full run's.
$summaryName = if ($Target) { "summary-$($Target -join '-').json" } else { 'summary.json' }
ConvertTo-Json @($summary) | Set-Content (Join-Path $Out $summaryName)
$total = ($summary | Measure-Object Execs -Sum).Sum
$bad = ($summary | Measure-Object Crashes -Sum).Sum + ($summary | Measure-Object Hangs -Sum).Sum
Write-Host "total: $total execs, $bad crashes and hangs"
if ($bad -gt 0) {
    Write-Host ("Reproduce with an uninstrumented build: dotnet run -c Release --project tests/BittensorPow.Fuzz -- " +
        "replay <target> $Findings/<target>/default/crashes") -ForegroundColor Yellow
    exit 1
}

#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates BittensorPow.
.DESCRIPTION
    Build: the importable module under out/BittensorPow (Import-Module ./out/BittensorPow).
    Test:  Build, check the layout (dotnet format whitespace --verify-no-changes, one check in the count), fetch ptxas
           (tools/ptx/fetch-ptxas.sh) and sshd (tools/ssh/fetch-sshd.sh, for the remoting tests), then xunit
           (out/test-results/xunit.xml, JUnit) and Pester in a child pwsh (out/test-results/pester.xml, NUnit); prints
           one line "N passed, N failed"; exits 1 on any failure.
    Demo:  Build; on a Finney-shaped chain (spec 475) register an unfunded coldkey's hotkey fee-free by pow_register; on a
           local chain in today's shape (spec 425) fund a fresh coldkey by faucet and register by capped burn; on a
           spec-218 chain solve, verify and register by proof of work.
    Ptx:   Compile the GPU kernels to PTX for sm_90 under out/ptx and check them with ptxas, cuobjdump and nvdisasm
           (fetched into .tools/cuda/bin by tools/ptx/fetch-ptxas.sh; fails when they cannot be fetched).
    Bench: The CPU benchmark (seals/s per back end and thread count, as ratios against the naive baseline).
    Package: Build, then out/package/BittensorPow.<version>.nupkg, installable with PSResourceGet (Install-PSResource,
           Save-PSResource) from a repository that holds it.
    Fuzz:  Every fuzz target under AFL++ for -Seconds each, or until -Executions when given and reached first
           (tools/fuzz/Invoke-Fuzz.ps1); one line per target "TARGET: N execs, C crashes, H hangs"; exits 1 on any
           crash or hang.
    Audit: bench gpu --audit -AuditRuns (default 20) --verify on the CUDA device: every GPU search checked against the CPU
           reference; exits 1 on any mismatch. Without a CUDA device it prints a plain "NO CUDA DEVICE" line and exits 0.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Ptx', 'Bench', 'Fuzz', 'Audit', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    [int] $Seconds = 60,
    [long] $Executions = 0,
    [int] $AuditRuns = 20
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot   # dotnet local tools (pwsh) resolve from the repository root
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'BittensorPow'
$Results = Join-Path $Out 'test-results'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    Write-Host '== Build' -ForegroundColor Cyan
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $Root 'BittensorPow.sln') -c $Configuration --nologo -v quiet }
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $Root 'src/BittensorPow.Cmdlets') -c $Configuration -o $ModuleOut --nologo -v quiet }
    Get-ChildItem $ModuleOut -Filter '*.pdb' | Remove-Item
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse -Force
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    Invoke-Native 'help generation' {
        dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/New-ModuleHelp.ps1') -ModulePath $ModuleOut
    }
    Write-Host "Module laid out in $ModuleOut"
}

function Get-JUnitCounts([string] $Path) {
    [xml] $xml = Get-Content $Path -Raw
    $suites = @($xml.SelectNodes('//testsuite'))
    $total = ($suites | Measure-Object -Property tests -Sum).Sum
    $failed = ($suites | ForEach-Object { [int]$_.failures + [int]$_.errors } | Measure-Object -Sum).Sum
    $skipped = ($suites | ForEach-Object { if ($_.skipped) { [int]$_.skipped } else { 0 } } | Measure-Object -Sum).Sum
    [pscustomobject]@{ Passed = $total - $failed - $skipped; Failed = $failed; Skipped = $skipped }
}

function Invoke-Test {
    Invoke-Build
    New-Item -ItemType Directory -Force $Results | Out-Null
    Invoke-Native 'Pester restore' { dotnet restore (Join-Path $Root 'tools/pester/Pester.Download.csproj') --nologo -v quiet }
    $polkadot = Join-Path $Root 'tests/polkadot'
    if ((Test-Path (Join-Path $polkadot 'package-lock.json')) -and (Get-Command npm -ErrorAction Ignore)) {
        Write-Host '== npm ci (polkadot.js faithfulness check)' -ForegroundColor Cyan
        Push-Location $polkadot
        try { Invoke-Native 'npm ci' { npm ci --no-audit --no-fund --loglevel=error | Out-Host } } finally { Pop-Location }
    }

    Write-Host '== ptxas, cuobjdump, nvdisasm (CUDA 11.8 from Debian non-free, unpacked under .tools/cuda)' -ForegroundColor Cyan
    $fetchLog = @(bash (Join-Path $Root 'tools/ptx/fetch-ptxas.sh') 2>&1)
    $fetchExit = $LASTEXITCODE
    $fetchLog | Out-Host
    # A check that cannot run is named in the summary; Ptx.Tests.ps1 fails on it unless BITTENSORPOW_ALLOW_NO_PTXAS=1.
    $notRun = @(if ($fetchExit -ne 0) { "PTX/SASS check ($($fetchLog | Select-Object -Last 1))" })

    Write-Host '== sshd (Debian bookworm openssh-server, unpacked under .tools/ssh) for the remoting tests' -ForegroundColor Cyan
    $sshdLog = @(bash (Join-Path $Root 'tools/ssh/fetch-sshd.sh') 2>&1)
    $sshdExit = $LASTEXITCODE
    $sshdLog | Out-Host
    # Remoting.Tests.ps1 fails when there is no sshd; the summary names why.
    if ($sshdExit -ne 0) { $notRun += "remoting tests ($($sshdLog | Select-Object -Last 1))" }

    # The layout the tools keep (.editorconfig): one check in the summary, its findings above it.
    Write-Host '== dotnet format whitespace --verify-no-changes' -ForegroundColor Cyan
    dotnet format whitespace $Root --folder --verify-no-changes --exclude .tools .pester out | Out-Host
    $format = [pscustomobject]@{ Passed = [int]($LASTEXITCODE -eq 0); Failed = [int]($LASTEXITCODE -ne 0) }

    Write-Host '== xunit' -ForegroundColor Cyan
    $xunitXml = Join-Path $Results 'xunit.xml'
    Remove-Item $xunitXml -ErrorAction Ignore
    dotnet test (Join-Path $Root 'tests/BittensorPow.Tests') -c $Configuration --no-build --nologo `
        --logger "junit;LogFilePath=$xunitXml" --logger 'console;verbosity=minimal' | Out-Host
    $xunitExit = $LASTEXITCODE
    $xunit = if (Test-Path $xunitXml) { Get-JUnitCounts $xunitXml } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }   # a crashed run must not read as green

    Write-Host '== Pester' -ForegroundColor Cyan
    $pesterXml = Join-Path $Results 'pester.xml'
    $pesterSummary = Join-Path $Results 'pester-summary.json'
    Remove-Item $pesterXml, $pesterSummary -ErrorAction Ignore
    dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Invoke-PesterTests.ps1') `
        -ModulePath $ModuleOut -ResultPath $pesterXml -SummaryPath $pesterSummary | Out-Host
    $pester = if (Test-Path $pesterSummary) { Get-Content $pesterSummary -Raw | ConvertFrom-Json }
    else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }

    $passed = $format.Passed + $xunit.Passed + $pester.Passed
    $failed = $format.Failed + $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ("format: $(if ($format.Failed) { 'FAILED (dotnet format whitespace --folder applies it)' } else { 'ok' }); " +
        "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped; " +
        "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped")
    foreach ($line in $notRun) { Write-Host "not run: $line" -ForegroundColor Yellow }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & (Join-Path $Root 'tools/Invoke-Demo.ps1') -ModulePath $ModuleOut -Root $Root
    if (-not $?) { exit 1 }
}

function Invoke-Ptx {
    Invoke-Native 'ptxas fetch' { bash (Join-Path $Root 'tools/ptx/fetch-ptxas.sh') }
    Invoke-Native 'PTX compile' { dotnet run -c Release --project (Join-Path $Root 'bench/BittensorPow.Bench') -- ptx --out (Join-Path $Out 'ptx') }
    Invoke-Native 'ptxas check' { bash (Join-Path $Root 'tools/ptx/check.sh') (Join-Path $Out 'ptx') }
}

function Invoke-Bench {
    Invoke-Native 'CPU benchmark' { dotnet run -c Release --project (Join-Path $Root 'bench/BittensorPow.Bench') -- cpu }
}

function Invoke-Package {
    Invoke-Build
    $package = Join-Path $Out 'package'
    if (Test-Path $package) { Remove-Item $package -Recurse -Force }
    # A scratch HOME keeps PSResourceGet's repository list away from the user's own (pwsh.dll started directly:
    # `dotnet pwsh` needs the real HOME for its tool manifest).
    $scratch = Join-Path ([IO.Path]::GetTempPath()) "bittensorpow-package-$PID"
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $exe = [Environment]::ProcessPath
    $saved = $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
    try {
        # .NET maps LocalApplicationData to XDG_DATA_HOME only when that folder exists.
        New-Item -ItemType Directory -Force "$scratch/.local/share", "$scratch/.config" | Out-Null
        $env:HOME = $scratch; $env:XDG_DATA_HOME = "$scratch/.local/share"; $env:XDG_CONFIG_HOME = "$scratch/.config"
        $pwshArgs = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { $pwshDll }) + @('-NoProfile', '-NonInteractive', '-File',
            (Join-Path $Root 'tools/Publish-ModulePackage.ps1'), '-ModulePath', $ModuleOut, '-Destination', $package)
        Invoke-Native 'Publish-PSResource' { & $exe @pwshArgs }
    }
    finally {
        $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved
        Remove-Item $scratch -Recurse -Force -ErrorAction Ignore
    }
    Write-Host "Package: $(Get-ChildItem $package -Filter '*.nupkg' | Select-Object -ExpandProperty FullName)"
}

<#
 CUDA correctness: bench gpu --audit checks the CUDA search nonce for nonce against the CPU reference. Without a CUDA
 device there is nothing to audit: it says so in one plain line and succeeds, so that a GPU session runs it in one command.
#>
function Invoke-Audit {
    $bench = Join-Path $Root 'bench/BittensorPow.Bench'
    $lines = @(dotnet run -c Release --project $bench -- gpu --backend Cuda --seconds 2 --audit $AuditRuns --verify 2>&1 |
            ForEach-Object { "$_" })
    $exit = $LASTEXITCODE
    $lines | Out-Host
    # A bench that did not build or start must not read as "no device": it lists the devices before anything else.
    if (-not ($lines -match '^device ')) { Write-Host "Audit: FAILED - the bench did not run (exit code $exit)" -ForegroundColor Red; exit 1 }
    if (-not ($lines -match '^device Cuda ')) {
        Write-Host 'Audit: NO CUDA DEVICE on this machine - the CUDA audit did not run (nothing was checked).' -ForegroundColor Yellow
        exit 0
    }
    if ($exit -ne 0) { Write-Host "Audit: FAILED (bench exit code $exit)" -ForegroundColor Red; exit 1 }
    Write-Host 'Audit: the CUDA search matched the CPU reference on every run.' -ForegroundColor Green
}

function Invoke-Fuzz {
    & (Join-Path $Root 'tools/fuzz/Invoke-Fuzz.ps1') -Root $Root -Seconds $Seconds -Executions $Executions
    if (-not $?) { exit 1 }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Ptx' { Invoke-Ptx }
    'Bench' { Invoke-Bench }
    'Fuzz' { Invoke-Fuzz }
    'Package' { Invoke-Package }

    'Audit' { Invoke-Audit }
}

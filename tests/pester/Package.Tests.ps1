# Installs like any module: the package build.ps1 -Task Package makes (tools/Publish-ModulePackage.ps1) goes through a
# PSResourceGet file repository, is saved to a folder on PSModulePath, and a new pwsh imports it by name and solves.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $scratch = Join-Path $TestDrive 'scratch'
    # .NET maps LocalApplicationData to XDG_DATA_HOME only when that folder exists; otherwise to a relative path.
    New-Item -ItemType Directory -Force "$scratch/home/.local/share", "$scratch/home/.config" | Out-Null
    $exe = [Environment]::ProcessPath
    $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    # PSResourceGet keeps its repository list under HOME: a scratch HOME leaves the real one alone.
    function Invoke-ScratchPwsh([string] $Command, [hashtable] $Environment = @{}) {
        $saved = @{}
        $vars = @{ HOME = "$scratch/home"; XDG_DATA_HOME = "$scratch/home/.local/share"; XDG_CONFIG_HOME = "$scratch/home/.config" } + $Environment
        foreach ($k in $vars.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $vars[$k]) }
        try {
            (& $exe @dll -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; $Command" 2>&1 |
                    Out-String -Width 200) -replace '\e\[[0-9;]*m'
        }
        finally { foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) } }
    }
    $repo = Join-Path $scratch 'repo'
    $out = Invoke-ScratchPwsh "& '$root/tools/Publish-ModulePackage.ps1' -ModulePath '$(Get-TestModulePath)' -Destination '$repo'"
    $package = Get-ChildItem $repo -Filter 'BittensorPow.*.nupkg' | Select-Object -First 1
}

Describe 'The package' {
    It 'is BittensorPow.(version).nupkg with a real manifest: version, description, tags, MIT license, release notes, no placeholder URI' {
        $package | Should -Not -BeNullOrEmpty -Because $out
        $manifest = Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'BittensorPow.psd1')
        $package.Name | Should -Be "BittensorPow.$($manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object Name -eq 'BittensorPow.nuspec').Open())
            $nuspec = $reader.ReadToEnd(); $reader.Dispose()
            @($zip.Entries.FullName) | Should -Contain 'LICENSE'
        }
        finally { $zip.Dispose() }
        $nuspec | Should -Match "<version>$([regex]::Escape($manifest.ModuleVersion))</version>"
        $nuspec | Should -Match '<description>Solves Bittensor proof-of-work'
        $nuspec | Should -Match '<tags>[^<]*Bittensor'
        $nuspec | Should -Match '<releaseNotes>0\.1\.0:'
        $nuspec | Should -Not -Match 'example\.invalid'
        (Get-Content (Join-Path $root 'LICENSE') -Raw) | Should -Match '^MIT License'
        $manifest.PrivateData.PSData.License | Should -Be 'MIT'
        $manifest.FileList | Should -Contain 'LICENSE'
    }

    It 'installs with Save-PSResource, imports by name in a new pwsh and solves offline' {
        $installed = (New-Item -ItemType Directory -Force (Join-Path $scratch 'modules')).FullName
        $saveOut = Invoke-ScratchPwsh ("Register-PSResourceRepository -Name installtest -Uri '$repo' -Trusted; " +
            "Save-PSResource -Name BittensorPow -Repository installtest -Path '$installed' -TrustRepository; " +
            "Get-ChildItem -Recurse '$installed' | Select-Object -First 5 -ExpandProperty FullName")
        Test-Path (Join-Path $installed 'BittensorPow/*/BittensorPow.psd1') | Should -BeTrue -Because $saveOut
        $v = (Get-PowVectors).solves | Where-Object id -eq 'solve-1'
        $solve = "(New-PowSolution -BlockHash $($v.blockHashHex) -BlockNumber 1 -Difficulty 1000000 -Hotkey $($v.hotkeySs58) " +
            "-SealByteOrder BigEndian -ThreadCount 1 -NonceStart 0).Nonce"
        $result = Invoke-ScratchPwsh -Environment @{ PSModulePath = $installed } -Command @"
Import-Module BittensorPow
(Get-Module BittensorPow).ModuleBase
$solve
"@
        $lines = @($result -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -BeLike "$installed*" -Because $result
        $lines[1] | Should -Be "$($v.smallestNonceAtOrAfterStart.chainLegacyBE.nonce)" -Because $result
    }
}

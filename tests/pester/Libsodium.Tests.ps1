# pwsh's deps.json knows nothing of the module's runtimes/<rid>/native folder, so this is where the module's own
# libsodium resolver matters. The cmdlet that unlocks coldkeys needs a node; SecretKeyfile, which it calls, does not.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $moduleDir = (Import-Module (Get-TestModulePath) -Force -PassThru -ErrorAction Stop).ModuleBase
    Add-Type -Path (Join-Path $moduleDir 'BittensorPow.Subtensor.dll')   # the module's own copy: makes its types nameable
    $walletRoot = Join-Path (Get-SharedPath) 'wallet'
    $nacl = (Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json).bittensor_nacl_coldkey
}

Describe 'libsodium in pwsh' {
    It 'calls the module''s own assembly' {
        [BittensorPow.Subtensor.Wallets.SecretKeyfile].Assembly.Location | Should -Be (Join-Path $moduleDir 'BittensorPow.Subtensor.dll')
    }

    It 'tells the encrypted coldkey from the plain hotkey without a password' {
        [BittensorPow.Subtensor.Wallets.SecretKeyfile]::IsEncrypted((Join-Path $walletRoot 'default/coldkey')) | Should -BeTrue
        [BittensorPow.Subtensor.Wallets.SecretKeyfile]::IsEncrypted((Join-Path $walletRoot 'default/hotkeys/default')) | Should -BeFalse
    }

    # This machine may also have a system libsodium (Debian's libsodium23): only the memory map says which one ran.
    It 'unlocking the shared coldkey maps the module''s libsodium and no other' -Skip:(-not $IsLinux) {
        $password = ConvertTo-SecureString $nacl.password -AsPlainText -Force
        $pair = [BittensorPow.Subtensor.Wallets.SecretKeyfile]::ReadColdkey($walletRoot, 'default', $password)
        try {
            $coldpub = Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json
            '0x' + [Convert]::ToHexString($pair.PublicKey).ToLowerInvariant() | Should -Be $coldpub.publicKey.ToLowerInvariant()
        }
        finally { $pair.Dispose() }

        $mapped = @(Get-Content "/proc/$PID/maps" |
            ForEach-Object { ($_ -split '\s+', 6)[5] } |
            Where-Object { $_ -and (Split-Path $_ -Leaf) -like 'libsodium*' } |
            Select-Object -Unique)
        Write-Host "libsodium mapped into pwsh ($PID) from: $($mapped -join ', ')"
        $mapped | Should -Be @(Join-Path $moduleDir 'runtimes/linux-x64/native/libsodium.so')
    }

    # What a user sees on a machine with no usable libsodium: the module's copy removed, and (here) no system
    # libsodium.so the loader would find by name. A fresh pwsh, because this one has loaded the library already.
    It 'without its libsodium the module throws LibsodiumUnavailableException naming where it looked' -Skip:(-not $IsLinux) {
        $copy = Join-Path $TestDrive 'BittensorPow'
        Copy-Item $moduleDir $copy -Recurse
        Get-ChildItem $copy -Recurse -Filter 'libsodium*' | Remove-Item
        $child = Join-Path $TestDrive 'child.ps1'
        Set-Content $child @'
param($ModuleDir, $WalletRoot)
Import-Module $ModuleDir; Add-Type -Path (Join-Path $ModuleDir 'BittensorPow.Subtensor.dll')
$password = ConvertTo-SecureString 'unused: the library fails first' -AsPlainText -Force
try { [void][BittensorPow.Subtensor.Wallets.SecretKeyfile]::ReadColdkey($WalletRoot, 'default', $password); 'loaded' }
catch { $e = $_.Exception.InnerException; $e.GetType().FullName; $e.Message }
'@
        # Under `dotnet pwsh` the process is dotnet, which needs pwsh.dll; an installed pwsh is its own executable.
        $exe = [Environment]::ProcessPath
        $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $out = @(& $exe @dll -NoProfile -NonInteractive -File $child $copy $walletRoot)
        if ($out[0] -eq 'loaded') { Set-ItResult -Inconclusive -Because 'this machine has a system libsodium of the version Sodium.Core expects' }
        $out[0] | Should -Be 'BittensorPow.Subtensor.Native.LibsodiumUnavailableException'
        $out[1] | Should -BeLike "*$(Join-Path $copy 'runtimes/linux-x64/native/libsodium.so')*"
    }
}

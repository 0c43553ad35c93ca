# A runtime upgrade while a cmdlet runs (dev_upgradeRuntime): the seal rule follows the new runtime, a runtime whose
# register ignores work stops the solve, and a register is signed for the runtime the node runs when it is submitted.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $alice = (Get-PowVectors).keys.alice.ss58_42
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot }

    # Solves subnet 3 (too hard to finish) in a background runspace, upgrades the node, then returns the run.
    function Start-SolveThenUpgrade([string] $Endpoint, [object[]] $Upgrade) {
        $r = Invoke-InRunspace -Script "New-PowSolution -NetUid 3 -Endpoint $Endpoint -Hotkey $alice -Verbose -TimeoutSec 60" -Async
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (-not (@($r.PowerShell.Streams.Verbose.Message) -match 'Nonces start at') -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        Invoke-DevRpc $Endpoint dev_upgradeRuntime $Upgrade | Out-Null
        $r
    }
}

Describe 'dev_upgradeRuntime during New-PowSolution -NetUid' {
    It 'an upgrade from spec 271 to 272 switches the seal rule to little-endian and says so' {
        $node = Start-DevNode -Arguments @('--block-ms', '500', '--spec-version', '271', '--subnet', '3:10000000000000')
        try {
            $r = Start-SolveThenUpgrade $node.Endpoint @(272)
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while (-not (@($r.PowerShell.Streams.Verbose.Message) -match 'Seal byte order now') -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            Invoke-DevRpc $node.Endpoint dev_setDifficulty @(3, 5000) | Out-Null
            $r = Wait-Runspace $r -TimeoutSec 60
            $s = @($r.Output)[0]
            $s | Should -Not -BeNullOrEmpty
            $s.SealByteOrder | Should -Be 'LittleEndian'
            $verbose = @($r.PowerShell.Streams.Verbose.Message)
            $verbose -match 'upgraded its runtime from spec 271 to spec 272' | Should -Not -BeNullOrEmpty
            $verbose -match 'Seal byte order now LittleEndian from the next template on' | Should -Not -BeNullOrEmpty
            # The seal meets the difficulty read little-endian, checked here rather than by the solver's own verifier.
            $seal = [Convert]::FromHexString(([string]$s.Seal).Substring(2))
            $le = [System.Numerics.BigInteger]::new([byte[]](@($seal) + @(0)))
            $max = [System.Numerics.BigInteger]::Pow(2, 256) - 1
            ($le * $s.Difficulty) -le $max | Should -BeTrue
        }
        finally { Stop-DevNode $node }
    }

    It 'an upgrade to a runtime whose register burns (spec 397) stops the solve with PowRegistrationRemovedDuringSolve' {
        $node = Start-DevNode -Arguments @('--block-ms', '500', '--spec-version', '396', '--subnet', '3:10000000000000')
        try {
            $started = [DateTime]::UtcNow
            $r = Wait-Runspace (Start-SolveThenUpgrade $node.Endpoint @(397)) -TimeoutSec 30
            ([DateTime]::UtcNow - $started).TotalSeconds | Should -BeLessThan 20
            @($r.Output) | Should -BeNullOrEmpty
            $e = @($r.PowerShell.Streams.Error)[0]
            if (-not $e) { $e = $r.PowerShell.InvocationStateInfo.Reason.ErrorRecord }
            $e.FullyQualifiedErrorId | Should -Be 'PowRegistrationRemovedDuringSolve,BittensorPow.Cmdlets.Commands.NewPowSolutionCommand'
            $e.CategoryInfo.Category | Should -Be 'InvalidOperation'
            "$e" | Should -Match 'from spec 396 to spec 397'
        }
        finally { Stop-DevNode $node }
    }
}

Describe 'dev_upgradeRuntime between solving and registering' {
    It 'the register is signed with the new spec and transaction version, and the chain accepts it' {
        $node = Start-DevNode -Arguments @('--block-ms', '1000', '--spec-version', '300', '--subnet', '1:20000')
        try {
            $s = New-PowSolution -NetUid 1 -Endpoint $node.Endpoint @w
            $up = Invoke-DevRpc $node.Endpoint dev_upgradeRuntime @(301, $null, 2)
            $up.specVersion | Should -Be 301
            $r = $s | Register-SubtensorNeuron @w -Confirm:$false
            $r.Status | Should -Be 'Registered'
        }
        finally { Stop-DevNode $node }
    }
}

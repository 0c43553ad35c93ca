# Register-SubtensorNeuron -WaitForPow / -MaxDifficulty against the DevNode (250 ms blocks): it waits while the subnet
# owner keeps PoW registration closed, registers once it opens, refuses a difficulty above -MaxDifficulty before any
# work, and ends a wait that runs past -TimeoutSec with PowWaitTimeout.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Add-Type -Path (Join-Path (Get-TestModulePath) 'BittensorPow.Subtensor.dll')
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot; Confirm = $false }
    $node = Start-DevNode -Arguments @('--block-ms', '250', '--subnet', '4:1000:pow=off', '--subnet', '5:1000000', '--subnet', '6:1000:pow=off',
        '--subnet', '7:5000000')
    $endpoint = $node.Endpoint

    <# SubtensorModule.<item>(netuid): twox128 ‖ twox128 ‖ Identity(u16 LE), as the DevNode's StorageKeys builds it. #>
    function Get-SubnetKey([string] $Item, [ushort] $NetUid) {
        '0x' + -join (@([BittensorPow.Subtensor.Storage.StorageKey]::Prefix('SubtensorModule', $Item)) + [BitConverter]::GetBytes($NetUid) |
                ForEach-Object { $_.ToString('x2') })
    }
    <# After -Blocks new heads, runs dev_* calls on the node from a thread job; returns the job, whose output is the head at the change. #>
    function Start-ChangeAfter([int] $Blocks, [object[]] $Calls) {
        $devNode = Join-Path $PSScriptRoot '../../tools/DevNode.psm1'
        Start-ThreadJob -ArgumentList $endpoint, $devNode, $Blocks, $Calls -ScriptBlock {
            param($endpoint, $devNode, $blocks, $calls)
            Import-Module $devNode
            $number = { [Convert]::ToUInt64((Invoke-DevRpc $endpoint chain_getHeader).number.Substring(2), 16) }
            $start = & $number
            while ((& $number) -lt $start + $blocks) { Start-Sleep -Milliseconds 50 }
            foreach ($c in $calls) { Invoke-DevRpc $endpoint $c[0] $c[1] | Out-Null }
            & $number
        }
    }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Register-SubtensorNeuron -WaitForPow and -MaxDifficulty' {
    It 'waits while PoW registration is closed and registers on a head after the owner opens it' {
        $job = Start-ChangeAfter 4 @(, @('dev_setStorage', @((Get-SubnetKey 'NetworkPowRegistrationAllowed' 4), '0x01')))
        try {
            $all = Register-SubtensorNeuron -NetUid 4 -Endpoint $endpoint @w -WaitForPow -TimeoutSec 60 -ThreadCount 1 -Verbose 4>&1
        }
        finally { $openedAt = $job | Wait-Job -Timeout 30 | Receive-Job; $job | Remove-Job -Force }
        $r = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $r.Status | Should -Be 'Registered'
        $r.NetUid | Should -Be 4
        $r.BlockNumber | Should -BeGreaterOrEqual $openedAt -Because 'the work is on a head where PoW registration was open'
        $waited = $verbose |
            Where-Object { $_ -match 'waiting for the subnet owner to open PoW registration since block (\d+)' } |
            Select-Object -First 1
        $waited | Should -Not -BeNullOrEmpty
        [ulong]([regex]::Match($waited, 'since block (\d+)').Groups[1].Value) | Should -BeLessThan $openedAt
        $open = $verbose | Where-Object { $_ -match "^Subnet 4: PoW registration is open at block \d+ .*after waiting since block" }
        $verbose | Should -Contain $open
    }

    It '-MaxDifficulty refuses a harder subnet before any work' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $e = { Register-SubtensorNeuron -NetUid 5 -Endpoint $endpoint @w -MaxDifficulty 1000 } | Should -Throw -PassThru
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $e.FullyQualifiedErrorId | Should -BeLike 'DifficultyAboveLimit,*'
        "$($e.CategoryInfo.Category)" | Should -Be 'LimitsExceeded'
        $e.Exception.Message | Should -Match '^Subnet 5''s difficulty is 1,000,000 at block \d+, above -MaxDifficulty 1,000; nothing was solved\.$'
        $e.ErrorDetails.RecommendedAction | Should -Match '-WaitForPow'
        (Get-SubtensorSubnet -Endpoint $endpoint -NetUid 5 -HashRate 1).Neurons | Should -Be 0
    }

    It 'with -WaitForPow, -MaxDifficulty waits until the difficulty has fallen to it' {
        $job = Start-ChangeAfter 3 @(, @('dev_setDifficulty', @(7, 2000)))
        try { $r = Register-SubtensorNeuron -NetUid 7 -Endpoint $endpoint @w -WaitForPow -MaxDifficulty 2000 -TimeoutSec 60 -ThreadCount 1 }
        finally { $fellAt = $job | Wait-Job -Timeout 30 | Receive-Job; $job | Remove-Job -Force }
        $r.Status | Should -Be 'Registered'
        $r.BlockNumber | Should -BeGreaterOrEqual $fellAt
    }

    It 'a wait that outlasts -TimeoutSec ends with PowWaitTimeout, naming the wait' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $e = { Register-SubtensorNeuron -NetUid 6 -Endpoint $endpoint @w -WaitForPow -TimeoutSec 1.5 } | Should -Throw -PassThru
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $e.FullyQualifiedErrorId | Should -BeLike 'PowWaitTimeout,*'
        "$($e.CategoryInfo.Category)" | Should -Be 'OperationTimeout'
        $e.Exception.Message | Should -Match '^-TimeoutSec 1\.5 ran out while waiting for the subnet owner to open PoW registration since block \d+'
    }
}

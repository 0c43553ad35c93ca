BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot }
    $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:20000')
    $endpoint = $node.Endpoint
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'A failure about one record is written and the pipeline goes on' {
    It 'Register-SubtensorNeuron: an offline solution (MissingSolutionField) does not stop the next one from registering' {
        $offline = New-PowSolution -BlockHash (Get-PowVectors).blockHashes.finneyGenesis -BlockNumber 1 -Difficulty 10 @w
        $online = New-PowSolution -NetUid 1 -Endpoint $endpoint @w
        $results = @($offline, $online) |
            Register-SubtensorNeuron @w -Endpoint $endpoint -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'MissingSolutionField,*'
        @($results).Count | Should -Be 1
        $results.Status | Should -Be 'Registered'
    }
    It 'a dead endpoint ends the pipeline at once (ConnectionFailed is about every record)' {
        $s = New-PowSolution -BlockHash (Get-PowVectors).blockHashes.finneyGenesis -BlockNumber 1 -Difficulty 10 @w
        $s2 = [pscustomobject]@{
            Nonce = $s.Nonce; BlockNumber = 1; BlockHash = $s.BlockHash; Difficulty = 10; Hotkey = $s.Hotkey; Endpoint = 'ws://127.0.0.1:1'
        }
        { @($s2, $s2) | Test-PowSolution -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'ConnectionFailed,*'
    }
}

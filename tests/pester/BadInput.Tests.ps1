BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $v = Get-PowVectors
    $hash = $v.blockHashes.finneyGenesis
    $alice = $v.keys.alice.ss58_42
    function Get-ErrorOf([scriptblock] $Action) {
        try { & $Action -ErrorAction Stop | Out-Null } catch { return $_ }
        throw 'No error was raised.'
    }
}

Describe 'Bad input gives a specific error' {
    It '<Name>' -ForEach @(
        @{ Name = 'malformed hex'; Id = 'InvalidBlockHash'; Category = 'InvalidArgument'; Params = @{ BlockHash = '0xnothex'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE' } }
        @{ Name = 'wrong length'; Id = 'InvalidBlockHash'; Category = 'InvalidArgument'; Params = @{ BlockHash = '0x1234'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE' } }
        @{ Name = 'bad SS58 checksum'; Id = 'InvalidHotkey'; Category = 'InvalidArgument'; Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 10; Hotkey = 'BADSUM' } }
        @{ Name = 'difficulty 0'; Id = 'ZeroDifficulty'; Category = 'InvalidArgument'; Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 0; Hotkey = 'ALICE' } }
        @{ Name = 'ThreadCount 0'; Id = 'InvalidThreadCount'; Category = 'InvalidArgument'; Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE'; ThreadCount = 0 } }
    ) {
        $a = $Params.Clone()
        if ($a.BlockHash -eq 'HASH') { $a.BlockHash = $hash }
        if ($a.Hotkey -eq 'ALICE') { $a.Hotkey = $alice }
        if ($a.Hotkey -eq 'BADSUM') { $a.Hotkey = $alice.Substring(0, $alice.Length - 1) + $(if ($alice[-1] -eq 'Y') { 'Z' } else { 'Y' }) }
        $e = Get-ErrorOf { New-PowSolution @a }
        $e.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $e.CategoryInfo.Category | Should -Be $Category
        $e.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $e.Exception.StackTrace | Should -Not -Match 'BittensorPow' -Because 'users see a message, not a stack trace'
    }

    Context 'Wallets' {
        BeforeAll {
            $wallets = Join-Path $TestDrive 'wallets'
            New-Item -ItemType Directory (Join-Path $wallets 'w/hotkeys') -Force | Out-Null
            Set-Content (Join-Path $wallets 'w/hotkeys/notjson') 'this is not json'
            Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/default') (Join-Path $wallets 'w/hotkeys/real')
        }
        It 'missing wallet → WalletNotFound' {
            (Get-ErrorOf { New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet nope -WalletHotkey x -WalletPath $wallets }).FullyQualifiedErrorId |
                Should -BeLike 'WalletNotFound,*'
        }
        It 'missing hotkey file → KeyfileNotFound' {
            (Get-ErrorOf { New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey nope -WalletPath $wallets }).FullyQualifiedErrorId |
                Should -BeLike 'KeyfileNotFound,*'
        }
        It 'keyfile that is not JSON → KeyfileNotJson' {
            (Get-ErrorOf { New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey notjson -WalletPath $wallets }).FullyQualifiedErrorId |
                Should -BeLike 'KeyfileNotJson,*'
        }
        It 'reads only the public key of a real hotkey file, also through BT_WALLET_* variables' {
            $expected = (Get-Content (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).ss58Address
            (New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey real -WalletPath $wallets).Hotkey | Should -Be $expected
            try {
                $env:BT_WALLET_NAME = 'w'; $env:BT_WALLET_HOTKEY = 'real'; $env:BT_WALLET_PATH = $wallets
                (New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10).Hotkey | Should -Be $expected
            }
            finally { Remove-Item env:BT_WALLET_NAME, env:BT_WALLET_HOTKEY, env:BT_WALLET_PATH -ErrorAction Ignore }
        }
    }
}

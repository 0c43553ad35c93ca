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
        @{ Name = 'malformed hex'; Id = 'InvalidBlockHash'; Category = 'InvalidArgument'
            Params = @{ BlockHash = '0xnothex'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE' } }
        @{ Name = 'wrong length'; Id = 'InvalidBlockHash'; Category = 'InvalidArgument'
            Params = @{ BlockHash = '0x1234'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE' } }
        @{ Name = 'bad SS58 checksum'; Id = 'InvalidHotkey'; Category = 'InvalidArgument'
            Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 10; Hotkey = 'BADSUM' } }
        @{ Name = 'difficulty 0'; Id = 'ZeroDifficulty'; Category = 'InvalidArgument'
            Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 0; Hotkey = 'ALICE' } }
        @{ Name = 'ThreadCount 0'; Id = 'InvalidThreadCount'; Category = 'InvalidArgument'
            Params = @{ BlockHash = 'HASH'; BlockNumber = 1; Difficulty = 10; Hotkey = 'ALICE'; ThreadCount = 0 } }
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
            (Get-ErrorOf {
                New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet nope -WalletHotkey x -WalletPath $wallets
            }).FullyQualifiedErrorId |
                Should -BeLike 'WalletNotFound,*'
        }
        It 'missing hotkey file → KeyfileNotFound' {
            (Get-ErrorOf {
                New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey nope -WalletPath $wallets
            }).FullyQualifiedErrorId |
                Should -BeLike 'KeyfileNotFound,*'
        }
        It 'keyfile that is not JSON → KeyfileNotJson' {
            (Get-ErrorOf {
                New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey notjson -WalletPath $wallets
            }).FullyQualifiedErrorId |
                Should -BeLike 'KeyfileNotJson,*'
        }
        It 'reads only the public key of a real hotkey file, also through BT_WALLET_* variables' {
            $expected = (Get-Content (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).ss58Address
            (New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Wallet w -WalletHotkey real -WalletPath $wallets).Hotkey |
                Should -Be $expected
            try {
                $env:BT_WALLET_NAME = 'w'; $env:BT_WALLET_HOTKEY = 'real'; $env:BT_WALLET_PATH = $wallets
                (New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10).Hotkey | Should -Be $expected
            }
            finally { Remove-Item env:BT_WALLET_NAME, env:BT_WALLET_HOTKEY, env:BT_WALLET_PATH -ErrorAction Ignore }
        }
    }
}

# A value far over its natural size (issue 20): refused in well under a second from the record reaching the cmdlet (the
# assertion allows 5 s for a busy machine), quoting only a short prefix. Parameters PowerShell converts before the cmdlet
# runs (a [ulong] -Nonce, a piped Nonce bound by property name) are refused by BoundedTextAttribute, so the error is
# PowerShell's ParameterArgumentTransformationError; Register-SubtensorNeuron reads its piped -Solution itself: InputTooLong.
Describe 'A 50 MB value' {
    BeforeAll {
        $big = '1' * 50MB
        $wallets = Join-Path $TestDrive 'big-wallets'
        Copy-Item (Join-Path (Get-SharedPath) 'wallet') $wallets -Recurse
        function Measure-Refusal([scriptblock] $Action) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $e = $null
            try { & $Action | Out-Null } catch { $e = $_ }
            $clock.Stop()
            if (-not $e) { throw 'No error was raised.' }
            [pscustomobject]@{ Error = $e; Seconds = $clock.Elapsed.TotalSeconds }
        }
    }

    It '<Name> → <Id> within 5 s, quoting a short prefix' -ForEach @(
        @{ Name = 'piped as a solution''s Nonce to Test-PowSolution'; Id = 'ParameterArgumentTransformationError'
            Action = {
                [pscustomobject]@{ BlockHash = $hash; BlockNumber = 1; Difficulty = 10; Hotkey = $alice; Nonce = $big } |
                    Test-PowSolution -ErrorAction Stop
            } }
        @{ Name = 'Test-PowSolution -Nonce'; Id = 'ParameterArgumentTransformationError'
            Action = { Test-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Hotkey $alice -Nonce $big -ErrorAction Stop } }
        @{ Name = 'piped as a solution''s Nonce to Register-SubtensorNeuron'; Id = 'InputTooLong'
            Action = {
                [pscustomobject]@{
                    BlockHash = $hash; BlockNumber = 1; Difficulty = 10; Hotkey = $alice; Nonce = $big; NetUid = 1; SealByteOrder = 'LittleEndian'
                } | Register-SubtensorNeuron -Endpoint ws://127.0.0.1:1 -WalletPath $wallets -Confirm:$false -ErrorAction Stop
            } }
        @{ Name = 'piped as a solution''s BlockNumber to New-PowSolution'; Id = 'ParameterArgumentTransformationError'
            Action = {
                [pscustomobject]@{ BlockHash = $hash; BlockNumber = $big; Difficulty = 10; Hotkey = $alice } | New-PowSolution -ErrorAction Stop
            } }
        @{ Name = 'New-PowSolution -BlockHash'; Id = 'ParameterArgumentTransformationError'
            Action = { New-PowSolution -BlockHash $big -BlockNumber 1 -Difficulty 10 -Hotkey $alice -ErrorAction Stop } }
        @{ Name = 'Test-PowSolution -Seal'; Id = 'ParameterArgumentTransformationError'
            Action = { Test-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Hotkey $alice -Nonce 1 -Seal $big -ErrorAction Stop } }
        @{ Name = 'New-PowSolution -Hotkey'; Id = 'ParameterArgumentTransformationError'
            Action = { New-PowSolution -BlockHash $hash -BlockNumber 1 -Difficulty 10 -Hotkey $big -ErrorAction Stop } }
        @{ Name = 'Get-SubtensorBlock -Endpoint'; Id = 'ParameterArgumentTransformationError'
            Action = { Get-SubtensorBlock -Endpoint ('ws://' + $big) -ErrorAction Stop } }
        @{ Name = 'Register-SubtensorNeuron -Wallet'; Id = 'ParameterArgumentTransformationError'
            Action = { Register-SubtensorNeuron -NetUid 1 -Wallet $big -Confirm:$false -ErrorAction Stop } }
    ) {
        $r = Measure-Refusal $Action
        $r.Error.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $r.Seconds | Should -BeLessThan 5
        $r.Error.ToString().Length | Should -BeLessThan 300
        $r.Error.ToString() | Should -Match '52,428,8\d\d characters long'
    }
}

Describe 'An endpoint''s user-info against a live node' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
        $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:1000')
        $withSecret = $node.Endpoint -replace '^ws://', 'ws://miner:s3cretP4ss@'
        $masked = $node.Endpoint -replace '^ws://', 'ws://***@'
    }
    AfterAll { if ($node) { Stop-DevNode $node } }

    It 'connects with it, and shows it masked in verbose lines and in the output''s Endpoint' {
        $block = Get-SubtensorBlock -Endpoint $withSecret -Verbose 4>&1 |
            Tee-Object -Variable all |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $block.Endpoint | Should -Be $masked
        $solution = New-PowSolution -NetUid 1 -Endpoint $withSecret -Hotkey $alice -Verbose 4>&1 |
            Tee-Object -Variable more |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $solution.Endpoint | Should -Be $masked
        $text = @($all; $more) | Out-String -Width 300
        $text | Should -Match ([regex]::Escape("Connecting to $masked"))
        $text | Should -Not -Match 's3cretP4ss'
        ($solution | ConvertTo-Json) | Should -Not -Match 's3cretP4ss'
    }
}

# What users pipe into Register-SubtensorNeuron: solutions saved as JSON or CSV and read back, by property name.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot }
    # Blocks only when asked (dev_produceBlock), so that a solution stays fresh while it is saved and read back.
    $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:2000', '--subnet', '2:2000', '--subnet', '3:2000',
        '--subnet', '9:1000000000000000000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Register-SubtensorNeuron binds a piped solution by property name' {
    It 'Test-PowSolution help example 3: Get-Content sol.json | ConvertFrom-Json | Test-PowSolution -PassThru | Register-SubtensorNeuron' {
        $file = Join-Path $TestDrive 'sol.json'
        New-PowSolution -NetUid 1 -Endpoint $endpoint @w | ConvertTo-Json | Set-Content $file
        $r = Get-Content $file | ConvertFrom-Json | Test-PowSolution -PassThru | Register-SubtensorNeuron @w -Confirm:$false
        $r.Status | Should -Be 'Registered'
        $r.NetUid | Should -Be 1
    }

    It 'an Import-Csv row (every value text, the byte order by name) registers' {
        $file = Join-Path $TestDrive 'sol.csv'
        New-PowSolution -NetUid 2 -Endpoint $endpoint @w |
            Select-Object Nonce, BlockNumber, BlockHash, Difficulty, Hotkey, SealByteOrder, NetUid, Endpoint |
            Export-Csv $file
        $row = Import-Csv $file
        $row.Nonce | Should -BeOfType [string]
        $row.SealByteOrder | Should -BeIn 'LittleEndian', 'BigEndian'
        ($row | Register-SubtensorNeuron @w -Confirm:$false).Status | Should -Be 'Registered'
    }

    It 'a missing property is MissingSolutionField naming it' {
        $o = New-PowSolution -NetUid 3 -Endpoint $endpoint @w | Select-Object Nonce, BlockHash, Difficulty, Hotkey, SealByteOrder, NetUid, Endpoint
        { $o | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingSolutionField,*' -ExpectedMessage '*no BlockNumber property*'
    }

    It 'an unknown SealByteOrder is InvalidSealByteOrder, piped as a name or as a number' {
        $s = New-PowSolution -NetUid 3 -Endpoint $endpoint @w
        $o = $s | Select-Object Nonce, BlockNumber, BlockHash, Difficulty, Hotkey, NetUid, Endpoint, @{ n = 'SealByteOrder'; e = { 'Sideways' } }
        { $o | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSealByteOrder,*' -ExpectedMessage "*'Sideways' is not a known byte order*"
        $o.SealByteOrder = 7
        { $o | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSealByteOrder,*'
        { $o | Test-PowSolution -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSealByteOrder,*'
    }

    It 'a number that is not a number names the property' {
        $o = New-PowSolution -NetUid 3 -Endpoint $endpoint @w |
            Select-Object Nonce, BlockNumber, BlockHash, Difficulty, Hotkey, SealByteOrder, NetUid, Endpoint
        $o.Nonce = 'twelve'
        { $o | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingSolutionField,*' -ExpectedMessage "*Nonce 'twelve' is not a whole number*"
    }
}

Describe 'Register-SubtensorNeuron asks before it solves' {
    It '-WhatIf with -NetUid at difficulty 10^18 returns at once and solves nothing' {
        $t = [Diagnostics.Stopwatch]::StartNew()
        Register-SubtensorNeuron -NetUid 9 -Endpoint $endpoint @w -WhatIf | Should -BeNullOrEmpty
        $t.Elapsed.TotalSeconds | Should -BeLessThan 10
    }
}

Describe 'Wallet hints name the caller''s own parameters and the right btcli command' {
    BeforeAll {
        function New-WalletCopy([string] $Name) {
            $root = Join-Path $TestDrive $Name
            Copy-Item (Join-Path (Get-SharedPath) 'wallet') $root -Recurse
            $root
        }
    }

    It 'an encrypted hotkey asks Register users for -HotkeyPassword' {
        $root = New-WalletCopy 'encrypted-hotkey'
        # The shared coldkey is NaCl-encrypted: as a hotkey file it is an encrypted hotkey.
        Copy-Item (Join-Path $root 'default/coldkey') (Join-Path $root 'default/hotkeys/default') -Force
        $copy = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $root }
        $e = { Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @copy -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PasswordRequired,*' -PassThru
        $e.ErrorDetails.RecommendedAction | Should -Match '-HotkeyPassword'
        $e.ErrorDetails.RecommendedAction | Should -Not -Match '-Password\b'
    }

    It 'a missing coldkeypub.txt suggests regen_coldkeypub, not new_hotkey' {
        $root = New-WalletCopy 'no-coldkeypub'
        Remove-Item (Join-Path $root 'default/coldkeypub.txt') -Force -ErrorAction Stop
        $copy = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $root }
        $e = { Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @copy -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'KeyfileNotFound,*' -PassThru
        $e.ErrorDetails.RecommendedAction | Should -Match 'regen_coldkeypub'
        $e.ErrorDetails.RecommendedAction | Should -Not -Match 'new_hotkey'
    }

    It 'a damaged coldkey file does not suggest -Hotkey to faucet users' -ForEach @(
        @{ Content = 'not a keyfile'; Id = 'KeyfileNotJson' }
        @{ Content = '{"accountId": "nope"}'; Id = 'KeyfileNoPublicKey' }
        @{ Content = '$NACL-encrypted'; Id = 'KeyfileEncrypted' }
    ) {
        $root = New-WalletCopy "damaged-coldkey-$Id"
        Set-Content (Join-Path $root 'default/coldkeypub.txt') $Content -Force -ErrorAction Stop
        $e = { Request-SubtensorFaucet -Endpoint $endpoint -Wallet default -WalletPath $root -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId "$Id,*" -PassThru
        $e.ErrorDetails.RecommendedAction | Should -Match 'coldkey'
        $e.ErrorDetails.RecommendedAction | Should -Not -Match '-Hotkey'
    }
}

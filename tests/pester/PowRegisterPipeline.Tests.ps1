# Many hotkeys, one coldkey (issue 19): rows piped from a CSV register by pow_register over one connection, with one
# decryption of the coldkey, against the DevNode's finney profile (spec 475).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    $node = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '250', '--subnet', '1:10:pow=on:max=10')
    $wallets = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $wallets -Recurse
    $coldkeyFile = Join-Path $wallets 'default/coldkey'
    $vectors = Get-PowVectors
    $hotkeys = @($vectors.keys.alice, $vectors.keys.bob, $vectors.keys.random1, $vectors.keys.random2) | ForEach-Object ss58_42
}
AfterAll {
    if ($node) { Stop-DevNode $node }
    Get-ChildItem env:BT_PW_* -ErrorAction Ignore | Remove-Item
}

Describe 'Import-Csv hotkeys | Register-SubtensorNeuron -NetUid on a pow_register runtime' {
    It 'registers every row, fee-free, over one connection with one coldkey decryption' {
        # The password through btwallet's variable: KeyUnlock says in -Verbose each time it reads it, i.e. each decryption.
        # btwallet's variable, as about_BittensorPow shows: its name from the path, the password XOR-ed with the name.
        $name = 'BT_PW_' + ($coldkeyFile -replace '[/.]', '_').ToUpperInvariant()
        $key = [Text.Encoding]::UTF8.GetBytes($name)
        $bytes = [Text.Encoding]::UTF8.GetBytes('thisisafakepassword')
        for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = $bytes[$i] -bxor $key[$i % $key.Length] }
        Set-Item "env:$name" ([Convert]::ToBase64String($bytes))
        $csv = Join-Path $TestDrive 'hotkeys.csv'
        $hotkeys | ForEach-Object { [pscustomobject]@{ Hotkey = $_; Note = 'rig' } } | Export-Csv $csv

        $all = Import-Csv $csv | Register-SubtensorNeuron -NetUid 1 -Endpoint $node.Endpoint -Wallet default -WalletPath $wallets `
            -Confirm:$false -Verbose 4>&1
        $results = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

        $results.Count | Should -Be 4
        $results.Status | Should -Be @('Registered', 'Registered', 'Registered', 'Registered')
        @($results.Hotkey) | Should -Be $hotkeys
        @($results.Uid | Sort-Object -Unique).Count | Should -Be 4
        @($verbose -match '^Connecting to ').Count | Should -Be 1 -Because 'the rows share one connection'
        @($verbose -match "comes from $name").Count | Should -Be 1 -Because 'the coldkey is decrypted once for the whole pipeline'
        $owner = (Get-SubtensorBlock -Endpoint $node.Endpoint -NetUid 1 -Hotkey $hotkeys[3]).HotkeyOwner
        $owner | Should -Be (Get-Content (Join-Path $wallets 'default/coldkeypub.txt') -Raw | ConvertFrom-Json).ss58Address
    }

    It '-DifficultyMargin 1.26 solves for the chain''s D times 1.26, says so in -Verbose and on the solution' {
        $margin = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '250', '--subnet', '2:1000:pow=on')
        try {
            $coldkey = (Get-Content (Join-Path $wallets 'default/coldkeypub.txt') -Raw | ConvertFrom-Json).ss58Address
            $all = New-PowSolution -NetUid 2 -Endpoint $margin.Endpoint -Hotkey $hotkeys[0] -Coldkey $coldkey `
                -DifficultyMargin 1.26 -ThreadCount 1 -Verbose 4>&1
            $s = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })[0]
            $s.DifficultyMargin | Should -Be 1.26
            $s.Difficulty | Should -Be 1260
            $s | Test-PowSolution -Endpoint $margin.Endpoint | Should -BeTrue
            @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '1\.26' | Should -Not -BeNullOrEmpty
        }
        finally { Stop-DevNode $margin }
    }

    It '-TimeoutSec takes up to a day (a subnet at high difficulty can take long on one machine)' {
        $spare = (Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json).sr25519_keys.dev_root.ss58_42
        { Register-SubtensorNeuron -NetUid 1 -Endpoint $node.Endpoint -Hotkey $spare -Wallet default -WalletPath $wallets `
            -TimeoutSec 86400 -WhatIf -ErrorAction Stop } | Should -Not -Throw
        { Register-SubtensorNeuron -NetUid 1 -Endpoint $node.Endpoint -Hotkey $spare -TimeoutSec 86401 -WhatIf } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'a hotkey given by address cannot sign register on a runtime where the hotkey signs: HotkeyCannotSign' {
        $old = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:10')
        try {
            { Register-SubtensorNeuron -NetUid 1 -Endpoint $old.Endpoint -Hotkey $hotkeys[0] -Wallet default -WalletPath $wallets `
                -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'HotkeyCannotSign,*'
        }
        finally { Stop-DevNode $old }
    }
}

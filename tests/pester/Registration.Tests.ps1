BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Get-Free below uses the Subtensor types directly: load them here rather than rely on an earlier test having done so.
    Add-Type -Path (Join-Path (Get-TestModulePath) 'BittensorPow.Subtensor.dll')
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot }
    $hotkeyFile = Get-Content (Join-Path $walletRoot 'default/hotkeys/default') -Raw | ConvertFrom-Json
    $coldpub = (Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json)
    $node = Start-DevNode -Arguments @('--block-ms', '1000', '--subnet', '1:20000', '--subnet', '2:20000', '--subnet', '3:20000',
        '--subnet', '6:20000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null

    function Get-Free([string] $Ss58) {
        $rpc = [BittensorPow.Subtensor.Rpc.WebSocketRpcClient]::ConnectAsync(
            $endpoint, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        try {
            $client = [BittensorPow.Subtensor.Chain.SubtensorClient]::ConnectAsync($rpc, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            $key = [BittensorPow.Subtensor.Keys.Ss58]::Decode($Ss58, 42)
            $client.Subtensor.AccountAsync($key, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult().Free
        }
        finally { $rpc.DisposeAsync().AsTask().Wait() }
    }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Register-SubtensorNeuron on the dev chain' {
    It 'solve → register → the uid appears' {
        $r = New-PowSolution -NetUid 1 -Endpoint $endpoint @w | Register-SubtensorNeuron @w -Confirm:$false
        $r.Status | Should -Be 'Registered'
        $r.Uid | Should -Be 0
        $r.Hotkey | Should -Be $hotkeyFile.ss58Address
        $r.BlockHash | Should -Match '^0x[0-9a-f]{64}$'
        $r.ExtrinsicHash | Should -Match '^0x[0-9a-f]{64}$'
        New-PowSolution -NetUid 1 -Endpoint $endpoint @w -WarningVariable warn -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        "$warn" | Should -Match 'already registered on subnet 1 as uid 0'
    }

    It '-WhatIf submits nothing' {
        $s = New-PowSolution -NetUid 2 -Endpoint $endpoint @w
        $s | Register-SubtensorNeuron @w -WhatIf | Should -BeNullOrEmpty
        (Get-SubtensorBlock -Endpoint $endpoint -NetUid 2).SubnetExists | Should -BeTrue
        # Still unregistered: a fresh solve does not warn, and registering it works.
        $again = New-PowSolution -NetUid 2 -Endpoint $endpoint @w -WarningVariable warn
        $warn | Should -BeNullOrEmpty
        ($again | Register-SubtensorNeuron @w -Confirm:$false).Status | Should -Be 'Registered'
    }

    It 'a stale solution is solved again' {
        $s = New-PowSolution -NetUid 3 -Endpoint $endpoint @w
        Invoke-DevRpc $endpoint dev_produceBlock @(3) | Out-Null
        ($s | Test-PowSolution -Detailed).IsStale | Should -BeTrue
        $r = $s | Register-SubtensorNeuron @w -Confirm:$false -Verbose 4>&1 |
            Tee-Object -Variable all |
            Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $r.Status | Should -Be 'Registered'
        $r.Attempts | Should -Be 2
        $r.BlockNumber | Should -BeGreaterThan $s.BlockNumber
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match 'stale; solving again' |
            Should -Not -BeNullOrEmpty
    }

    Context 'pallet verdicts on a chain that moves only when a block carries a submission' {
        # Blocks produced by submissions alone (--block-ms 0): the work block cannot leave the window while a loaded
        # machine is slow between solving and submitting, so the verdict is the seal's, not InvalidWorkBlock's.
        BeforeAll {
            $stillNode = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '4:20000', '--subnet', '5:20000')
            $still = $stillNode.Endpoint
            Invoke-DevRpc $still dev_produceBlock @(2) | Out-Null
        }
        AfterAll { if ($stillNode) { Stop-DevNode $stillNode } }

        It 'a tampered seal is InvalidSeal with the pallet''s words, before submitting and from the chain' {
            $s = New-PowSolution -NetUid 4 -Endpoint $still @w
            $t = $s | Select-Object *
            $t.Seal = '0x' + ('00' * 32)
            $t = [BittensorPow.Cmdlets.Output.PowSolution]@{
                Nonce = $s.Nonce; BlockNumber = $s.BlockNumber; BlockHash = $s.BlockHash; Difficulty = $s.Difficulty; Seal = $t.Seal
                Hotkey = $s.Hotkey; HotkeyPublicKey = $s.HotkeyPublicKey; SealByteOrder = $s.SealByteOrder; NetUid = 4; Endpoint = $still
            }
            { $t | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSeal,*'
            $r = $t | Register-SubtensorNeuron @w -Confirm:$false -SkipValidation -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.Status | Should -Be 'Failed'
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSeal,*'
            $r.Error | Should -Match 'SubtensorModule.InvalidSeal'
        }

        It 'a solution for the wrong byte order is InvalidDifficulty, before submitting and from the chain' {
            $s = New-PowSolution -NetUid 5 -Endpoint $still @w -SealByteOrder LittleEndian
            $s.SealByteOrder | Should -Be 'LittleEndian'
            { $s | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDifficulty,*'
            $r = $s | Register-SubtensorNeuron @w -Confirm:$false -SkipValidation -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidDifficulty,*'
            $r.Error | Should -Match 'InvalidDifficulty'
        }
    }

    It 'an offline solution (no NetUid) is refused with MissingSolutionField' {
        $s = New-PowSolution -BlockHash (Get-SubtensorBlock -Endpoint $endpoint).Hash -BlockNumber 1 -Difficulty 100 -Hotkey $hotkeyFile.ss58Address
        { $s | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MissingSolutionField,*'
    }
}

Describe 'A burn-only runtime (spec 397)' {
    BeforeAll {
        $burnNode = Start-DevNode -Arguments @('--block-ms', '1000', '--metadata', 'finney-spec393-v16.scale', '--spec-version', '397',
            '--subnet', '1:1000')
        Invoke-DevRpc $burnNode.Endpoint dev_produceBlock @(1) | Out-Null
    }
    AfterAll { if ($burnNode) { Stop-DevNode $burnNode } }

    It 'refuses with PowRegistrationRemoved without -MaxCost, whatever the solution' {
        $s = New-PowSolution -NetUid 1 -Endpoint $burnNode.Endpoint @w -WarningAction SilentlyContinue
        { $s | Register-SubtensorNeuron @w -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PowRegistrationRemoved,*'
    }
}

Describe 'Request-SubtensorFaucet' {
    It 'credits the coldkey' {
        $before = Get-Free $coldpub.ss58Address
        $pw = ConvertTo-SecureString 'thisisafakepassword' -AsPlainText -Force
        $r = Request-SubtensorFaucet -Endpoint $endpoint -Wallet default -WalletPath $walletRoot -Password $pw -Confirm:$false
        $r.Status | Should -Be 'Funded'
        $r.Coldkey | Should -Be $coldpub.ss58Address
        (Get-Free $coldpub.ss58Address) | Should -BeGreaterThan $before
    }
    It 'an unencrypted coldkey needs no password (non-interactive), and -Count 2 drips twice with one unlock' {
        # btcli --no-use-password writes the coldkey as plain JSON; the shared hotkey file is such a keyfile.
        New-Item -ItemType Directory (Join-Path $walletRoot 'plain') -Force | Out-Null
        Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/coldkey')
        Copy-Item (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') (Join-Path $walletRoot 'plain/coldkeypub.txt')
        $before = Get-Free $hotkeyFile.ss58Address
        $all = Request-SubtensorFaucet -Endpoint $endpoint -Wallet plain -WalletPath $walletRoot -Count 2 -Confirm:$false -Verbose 4>&1
        $results = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $results.Status | Should -Be @('Funded', 'Funded')
        $results.Coldkey | Should -Be @($hotkeyFile.ss58Address, $hotkeyFile.ss58Address)
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Unlocking coldkey*' }).Count | Should -Be 1
        (Get-Free $hotkeyFile.ss58Address) | Should -BeGreaterThan $before
    }
    It 'a wrong password is WrongPassword' {
        $pw = ConvertTo-SecureString 'not the password' -AsPlainText -Force
        { Request-SubtensorFaucet -Endpoint $endpoint -Wallet default -WalletPath $walletRoot -Password $pw -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'WrongPassword,*'
    }
}

Describe 'Secrets never appear in any output stream' {
    It 'registering and using the faucet print no seed phrase, secret key, seed or password' {
        $faucet = "Request-SubtensorFaucet -Endpoint $endpoint -Wallet default -WalletPath '$walletRoot'"
        $script = @"
`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$InformationPreference = 'Continue'
`$w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = '$walletRoot' }
New-PowSolution -NetUid 6 -Endpoint $endpoint @w | Register-SubtensorNeuron @w -Confirm:`$false | Format-List * | Out-String
Register-SubtensorNeuron -NetUid 6 -Endpoint $endpoint @w -Confirm:`$false | Format-List * | Out-String
$faucet -Password (ConvertTo-SecureString 'thisisafakepassword' -AsPlainText -Force) -Confirm:`$false | Format-List * | Out-String
$faucet -Password (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -Confirm:`$false
Get-BittensorWallet -WalletPath '$walletRoot' | Format-List * | Out-String
"@
        $r = Invoke-InRunspace -Script $script
        $s = $r.PowerShell.Streams
        $text = @(
            $r.Output | Out-String
            $s.Verbose.Message; $s.Warning.Message; $s.Debug.Message; $s.Information | Out-String
            $s.Progress | ForEach-Object { $_.StatusDescription; $_.CurrentOperation; $_.Activity }
            $s.Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.RecommendedAction; $_.TargetObject | Out-String }
        ) -join "`n"
        $text | Should -Match 'Registered'
        $text | Should -Match 'Funded'
        $text | Should -Match 'WrongPassword|password'
        foreach ($secret in @($hotkeyFile.secretPhrase, $hotkeyFile.privateKey, $hotkeyFile.privateKey.Substring(2), $hotkeyFile.secretSeed,
                $hotkeyFile.secretSeed.Substring(2), 'old leopard transfer rib spatial phone calm indicate online fire caution review',
                'thisisafakepassword')) {
            $text.Contains($secret) | Should -BeFalse -Because "no stream may contain a secret ($($secret.Length) chars)"
        }
        # Also no 16-hex-digit run of the private key anywhere (e.g. a partial dump).
        $text.Contains($hotkeyFile.privateKey.Substring(2, 16)) | Should -BeFalse
    }
}

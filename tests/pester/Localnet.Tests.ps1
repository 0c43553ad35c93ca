# Today's local chain (DevNode --profile localnet, spec 425): the faucet with -Count, its result and errors, and
# registration on runtimes whose register burns (-MaxCost, signed by the coldkey). One argon2 unlock in this file (the
# -Count test); elsewhere the coldkey is a plain keyfile, as btcli --no-use-password writes it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $coldpub = (Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json)
    $pw = ConvertTo-SecureString 'thisisafakepassword' -AsPlainText -Force

    # Wallet 'plain': the shared plain hotkey keyfile as an unencrypted coldkey; its hotkey is //Dave (public key only).
    New-Item -ItemType Directory (Join-Path $walletRoot 'plain/hotkeys') -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/coldkey')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') (Join-Path $walletRoot 'plain/coldkeypub.txt')
    $plainColdkey = (Get-Content (Join-Path $walletRoot 'plain/coldkeypub.txt') -Raw | ConvertFrom-Json).ss58Address
    # //Dave, Substrate's well-known dev key (the module's types load only once a cmdlet has run).
    $dave = [pscustomobject]@{ Ss58Address = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy' }
    $davePublic = '0x306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20'
    @{ accountId = $davePublic; publicKey = $davePublic; ss58Address = $dave.Ss58Address } | ConvertTo-Json -Compress |
        Set-Content (Join-Path $walletRoot 'plain/hotkeys/defaultpub.txt')
    $plain = @{ Wallet = 'plain'; WalletHotkey = 'default'; WalletPath = $walletRoot }
    $endow = @('--endow', "${plainColdkey}:10000000000")   # 10 TAO for the plain coldkey

    # 250 ms blocks, register_limit listed.
    $localnet = Start-DevNode -Arguments (@('--profile', 'localnet') + $endow)
    # spec 425 without register_limit in its metadata; blocks on demand, so a test decides when the head moves.
    $noLimit = Start-DevNode -Arguments (@('--block-ms', '0', '--spec-version', '425', '--metadata', 'raonet-spec218-v14.scale') + $endow)
    # A build without pow-faucet: the call listed, every drip FaucetDisabled.
    $disabled = Start-DevNode -Arguments @('--profile', 'localnet', '--block-ms', '0', '--no-pow-faucet')

    function Get-Free([string] $Endpoint, [string] $Ss58) {
        $rpc = [BittensorPow.Subtensor.Rpc.WebSocketRpcClient]::ConnectAsync(
            $Endpoint, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        try {
            $client = [BittensorPow.Subtensor.Chain.SubtensorClient]::ConnectAsync($rpc, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            $key = [BittensorPow.Subtensor.Keys.Ss58]::Decode($Ss58, 42)
            $client.Subtensor.AccountAsync($key, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult().Free
        }
        finally { $rpc.DisposeAsync().AsTask().Wait() }
    }
}
AfterAll { foreach ($n in @($localnet, $noLimit, $disabled)) { if ($n) { Stop-DevNode $n } } }

Describe 'Get-SubtensorBlock on a burn-only runtime' {
    It 'says register burns, the burn in TAO, and which calls the metadata lists' {
        $b = Get-SubtensorBlock -Endpoint $localnet.Endpoint -NetUid 1
        $b.RegisterVerifiesWork | Should -BeFalse
        $b.Burn | Should -Be 1
        $b.FaucetCall | Should -Be 'Listed'
        $b.RegisterLimitCall | Should -Be 'Listed'
        (Get-SubtensorBlock -Endpoint $noLimit.Endpoint).RegisterLimitCall | Should -Be 'NotListed'
        ($b | Format-Table | Out-String -Width 80) | Should -Match 'burn\s+listed\s+1\s+1\b'
    }
}

Describe 'Request-SubtensorFaucet on the localnet profile (250 ms blocks)' {
    It '-Count 5 funds five times with one unlock of the encrypted coldkey, each result a FaucetResult' {
        $faucet = @{ Endpoint = $localnet.Endpoint; Wallet = 'default'; WalletPath = $walletRoot; Password = $pw }
        $all = Request-SubtensorFaucet @faucet -Count 5 -Confirm:$false -Verbose 4>&1
        $results = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $results.Count | Should -Be 5
        $results | ForEach-Object { $_ | Should -BeOfType ([BittensorPow.Cmdlets.Output.FaucetResult]) }
        $results.Status | Should -Be (@('Funded') * 5)
        $results.Coldkey | Sort-Object -Unique | Should -Be $coldpub.ss58Address
        $results.Amount | Should -Be (@(1000) * 5)
        $results.Balance | Should -Be @(1000, 2000, 3000, 4000, 5000)
        foreach ($r in $results) { $r.InclusionBlock | Should -BeGreaterThan $r.WorkBlock; ($r.InclusionBlock - $r.WorkBlock) | Should -BeLessThan 3 }
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Unlocking coldkey*' }).Count | Should -Be 1
        $table = $results | Format-Table | Out-String -Width 80
        # Amount in the same format as Balance: a 1,000 TAO drip beside the balance it made (issue 20).
        $table | Should -Match 'Funded\s+\d\s+\d+\s+\d+\s+1,000\.00\s+5,000\.00'
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
    }
}

Describe 'Request-SubtensorFaucet: staleness and a node without pow-faucet' {
    It 'a solution that goes stale before submitting is solved again' {
        $script:moved = $false
        $all = Request-SubtensorFaucet -Endpoint $noLimit.Endpoint -Wallet plain -WalletPath $walletRoot -Confirm:$false -Verbose 4>&1 |
            ForEach-Object {
                # Runs while the cmdlet waits on this verbose line: the head moves three blocks between signing and submitting.
                if (-not $script:moved -and $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*signing faucet*') {
                    $script:moved = $true
                    Invoke-DevRpc $noLimit.Endpoint dev_produceBlock @(3) | Out-Null
                }
                $_
            }
        $r = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $r.Status | Should -Be 'Funded'
        $r.Attempts | Should -Be 2
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match 'went stale at head' | Should -Not -BeNullOrEmpty
    }

    It 'FaucetDisabled says the node lacks pow-faucet and how local chains get it' {
        $faucet = @{ Endpoint = $disabled.Endpoint; Wallet = 'plain'; WalletPath = $walletRoot }
        $r = Request-SubtensorFaucet @faucet -Count 3 -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        @($r).Count | Should -Be 1 -Because 'the node refuses every drip alike, so the rest are not tried'
        $r.Status | Should -Be 'Failed'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'FaucetDisabled,*'
        $message = $errs[0].Exception.Message
        $message | Should -Match "built without subtensor's pow-faucet feature"
        $message | Should -Match 'scripts/localnet\.sh'
        $message | Should -Match 'localnet image'
        $errs[0].TargetObject | Should -Be $r
    }
}

Describe 'Register-SubtensorNeuron on a runtime whose register burns (spec 425)' {
    It 'without -MaxCost it refuses and shows the current burn' {
        { Register-SubtensorNeuron -NetUid 1 -Endpoint $localnet.Endpoint @plain -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PowRegistrationRemoved,*' -ExpectedMessage '*1 TAO at block*'
    }

    It '-WhatIf unlocks and signs nothing' {
        $all = Register-SubtensorNeuron -NetUid 1 -Endpoint $localnet.Endpoint @plain -MaxCost 1 -WhatIf -Verbose 4>&1
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -like 'Unlocking coldkey*' | Should -BeNullOrEmpty
        $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
    }

    It 'register_limit: a cap one rao below the burn is refused by the client, and with -SkipValidation by the chain, charging nothing' {
        $before = Get-Free $localnet.Endpoint $plainColdkey
        { Register-SubtensorNeuron -NetUid 1 -Endpoint $localnet.Endpoint @plain -MaxCost 0.999999999 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegistrationPriceLimitExceeded,*'
        $params = @{ NetUid = 1; Endpoint = $localnet.Endpoint; MaxCost = 0.999999999; SkipValidation = $true }
        $r = Register-SubtensorNeuron @params @plain -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $r.Status | Should -Be 'Failed'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'RegistrationPriceLimitExceeded,*'
        $r.Error | Should -Match 'SubtensorModule.RegistrationPriceLimitExceeded'
        Get-Free $localnet.Endpoint $plainColdkey | Should -Be $before
    }

    It 'register_limit at the burn: the coldkey signs and pays, the hotkey pays nothing' {
        $before = Get-Free $localnet.Endpoint $plainColdkey
        $all = Register-SubtensorNeuron -NetUid 1 -Endpoint $localnet.Endpoint @plain -MaxCost 1 -Confirm:$false -Verbose 4>&1
        $r = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $r.Status | Should -Be 'Registered'
        $r.Uid | Should -Be 0
        $r.Hotkey | Should -Be $dave.Ss58Address
        $verbose = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose -like 'Submitting SubtensorModule.register_limit*' | Should -Not -BeNullOrEmpty
        @($verbose -like 'Unlocking coldkey*').Count | Should -Be 1
        (Get-Free $localnet.Endpoint $plainColdkey) | Should -Be ($before - 1000000000)
        (Get-Free $localnet.Endpoint $dave.Ss58Address) | Should -Be 0
    }

    It 'without register_limit: burned_register after the client''s check, with a warning that the chain does not check the cap' {
        $register = @{ NetUid = 1; Endpoint = $noLimit.Endpoint; Confirm = $false; WarningAction = 'SilentlyContinue' }
        { Register-SubtensorNeuron @register @plain -MaxCost 0.5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegistrationPriceLimitExceeded,*' -ExpectedMessage '*above -MaxCost 0.5 TAO*'
        $before = Get-Free $noLimit.Endpoint $plainColdkey
        $all = Register-SubtensorNeuron @register @plain -MaxCost 2 -Verbose -WarningVariable warn 4>&1
        $r = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $r.Status | Should -Be 'Registered'
        "$warn" | Should -Match 'checked by this client .* not by the chain'
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -like 'Submitting SubtensorModule.burned_register*' |
            Should -Not -BeNullOrEmpty
        (Get-Free $noLimit.Endpoint $plainColdkey) | Should -Be ($before - 1000000000)
    }
}

# Issue 19.3 and 19.6 on today's Finney (DevNode --profile finney, SPEC §10): what pow_register does when a proof
# expires, meets a raised difficulty, finds the block full or is refused by the pool (Custom error 255 named from
# storage, the pool's duplicate answer), how two clients racing for one subnet both end registered, and a runtime
# upgrade from a 425-style runtime to one with pow_register in the middle of a solve. Subnet 1 starts at difficulty
# 1000, its own floor, so every solve takes milliseconds; the coldkeys hold no balance.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Import-Module (Join-Path $PSScriptRoot 'FinneyWallets.psm1') -Force
    Add-Type -Path (Join-Path (Get-TestModulePath) 'BouncyCastle.Cryptography.dll')
    $walletRoot = Join-Path $TestDrive 'wallets'
    New-PlainWallets $walletRoot @{
        w = @('pool255', 'expired', 'poolretry', 'raised', 'rival', 'full', 'first', 'timeout', 'exhausted', 'dup', 'upgrade')
        r1 = @('default'); r2 = @('default'); t1 = @('default'); t2 = @('default')
    }
    $cold = Get-WalletPub $walletRoot w

    $finney = @('--profile', 'finney', '--subnet', '1:1000:pow=on:max=1000000')
    # Blocks on demand: each head below is the test's doing.
    $instant = Start-DevNode -Arguments ($finney + @('--block-ms', '0'))
    Invoke-DevRpc $instant.Endpoint dev_produceBlock @(2) | Out-Null

    function Get-Head([string] $Endpoint) { [ulong](Invoke-DevRpc $Endpoint chain_getHeader @()).number }
    function Get-Submissions([string] $Endpoint) {
        $c = Invoke-DevRpc $Endpoint dev_callCounts @()
        [int]$c.author_submitExtrinsic + [int]$c.author_submitAndWatchExtrinsic
    }
    function Get-Verbose($Run) { @($Run.PowerShell.Streams.Verbose.Message) -join "`n" }
    function Get-Results($Run) { @($Run.Output | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.RegistrationResult] }) }

    # The pow_register seal recomputed here (BCL SHA-256, BouncyCastle Keccak-256) and the chain's little-endian rule.
    function Test-SealMeets([string] $Seal, [ulong] $Difficulty) {
        $bytes = [Convert]::FromHexString($Seal -replace '^0x')
        ([Numerics.BigInteger]::new([byte[]]($bytes + [byte]0)) * $Difficulty) -le ([Numerics.BigInteger]::Pow(2, 256) - 1)
    }
}
AfterAll { foreach ($n in @($instant, $manual, $timed, $old)) { if ($n) { Stop-DevNode $n } } }

Describe 'pow_register: refusals named, proofs re-solved, at most -MaxAttempts (issue 19.3)' {
    # A registration fills its block (one per subnet): each test starts on a fresh head, as a 12 s chain would give it.
    BeforeEach { Invoke-DevRpc $instant.Endpoint dev_produceBlock @(1) | Out-Null }

    It "the pool's Custom error 255 is named from storage (InvalidWorkBlock), with -SkipValidation and -MaxAttempts 1" {
        $s = New-PowSolution -NetUid 1 -Endpoint $instant.Endpoint -Wallet w -WalletHotkey pool255 -WalletPath $walletRoot
        Invoke-DevRpc $instant.Endpoint dev_produceBlock @(5) | Out-Null
        $before = Get-Submissions $instant.Endpoint
        $err = $null
        $params = @{ Wallet = 'w'; WalletHotkey = 'pool255'; WalletPath = $walletRoot }
        try { $s | Register-SubtensorNeuron @params -SkipValidation -MaxAttempts 1 -Confirm:$false -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidWorkBlock,*'
        "$err" | Should -Match "The pool refused pow_register: work on block #$($s.BlockNumber) is outside the window"
        "$err" | Should -Match 'Custom error: 255'
        Get-Submissions $instant.Endpoint | Should -Be ($before + 1)
    }

    It 'an expired proof is re-solved before signing and never submitted' {
        $s = New-PowSolution -NetUid 1 -Endpoint $instant.Endpoint -Wallet w -WalletHotkey expired -WalletPath $walletRoot
        Invoke-DevRpc $instant.Endpoint dev_produceBlock @(5) | Out-Null
        $before = Get-Submissions $instant.Endpoint
        $all = $s | Register-SubtensorNeuron -Wallet w -WalletHotkey expired -WalletPath $walletRoot -Confirm:$false -Verbose 4>&1
        $r = @($all | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.RegistrationResult] })
        $r.Count | Should -Be 1
        $r[0].Status | Should -Be 'Registered'
        $r[0].Attempts | Should -Be 2
        $r[0].BlockNumber | Should -BeGreaterThan $s.BlockNumber
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match
            "Attempt 1 of 3: before signing, work on block #$($s.BlockNumber) is outside the window .*\(InvalidWorkBlock\); solving again" |
            Should -Not -BeNullOrEmpty
        Get-Submissions $instant.Endpoint | Should -Be ($before + 1)
    }

    It 'a proof the pool refused is never submitted again: the next attempt solves a new one' {
        $s = New-PowSolution -NetUid 1 -Endpoint $instant.Endpoint -Wallet w -WalletHotkey poolretry -WalletPath $walletRoot
        Invoke-DevRpc $instant.Endpoint dev_produceBlock @(5) | Out-Null
        $before = Get-Submissions $instant.Endpoint
        $all = $s | Register-SubtensorNeuron -Wallet w -WalletHotkey poolretry -WalletPath $walletRoot -SkipValidation -Confirm:$false -Verbose 4>&1
        $r = @($all | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.RegistrationResult] })
        $r.Status | Should -Be 'Registered'
        $r.Attempts | Should -Be 2
        "$($r.BlockNumber):$($r.Nonce)" | Should -Not -Be "$($s.BlockNumber):$($s.Nonce)"
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match
            'Attempt 1 of 3: the pool refused the proof: work on block .* outside the window' | Should -Not -BeNullOrEmpty
        Get-Submissions $instant.Endpoint | Should -Be ($before + 2)
    }

    It 'a proof below a difficulty raised by another registration is re-solved at the new one' {
        $e = $instant.Endpoint
        $head = Get-Head $e
        $hotkey = Get-WalletPub $walletRoot w raised
        $work = @{ Scheme = 'PowRegisterV1'; NetUid = 1; BlockHash = (Invoke-DevRpc $e chain_getBlockHash @($head)); BlockNumber = $head
            Difficulty = 1000; Hotkey = $hotkey.ss58Address; Coldkey = $cold.ss58Address; ThreadCount = 1 }
        # Offline, a proof for this head that meets 1000 but not 1200 (checked with the independent rule).
        $s = $null
        $start = 0
        do { $s = New-PowSolution @work -NonceStart $start; $start = $s.Nonce + 1 } until (-not (Test-SealMeets $s.Seal 1200))
        Test-SealMeets $s.Seal 1000 | Should -BeTrue
        (Register-SubtensorNeuron -NetUid 1 -Endpoint $e -Wallet w -WalletHotkey rival -WalletPath $walletRoot -Confirm:$false).Status |
            Should -Be 'Registered'
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        (Get-SubtensorBlock -Endpoint $e -NetUid 1).Difficulty | Should -BeGreaterThan 1200
        $all = $s | Register-SubtensorNeuron -Endpoint $e -Wallet w -WalletHotkey raised -WalletPath $walletRoot -Confirm:$false -Verbose 4>&1
        $r = @($all | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.RegistrationResult] })
        $r.Status | Should -Be 'Registered'
        $r.Attempts | Should -Be 2
        $verbose = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose -match ('before signing, the seal does not meet the subnet''s difficulty now, [\d,]+ \(it was solved for 1,000\) ' +
            '\(InvalidDifficulty\); solving again') |
            Should -Not -BeNullOrEmpty -Because ($verbose -join "`n")
    }

    It 'a full block: the same proof waits for the next block and lands, without a new attempt' {
        $e = $instant.Endpoint
        (Register-SubtensorNeuron -NetUid 1 -Endpoint $e -Wallet w -WalletHotkey first -WalletPath $walletRoot -Confirm:$false).Status |
            Should -Be 'Registered'
        $full = Get-Head $e
        $run = Invoke-InRunspace -Async ("Register-SubtensorNeuron -NetUid 1 -Endpoint '$e' -Wallet w -WalletHotkey full " +
            "-WalletPath '$walletRoot' -Confirm:`$false -Verbose")
        Wait-RunspaceVerbose $run "block #$full already holds this subnet's registration"
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        $run = Wait-Runspace $run 60
        $r = Get-Results $run
        $r.Status | Should -Be 'Registered'
        $r.Attempts | Should -Be 1
        $r.BlockNumber | Should -Be $full
        Get-Verbose $run | Should -Match "block #$full already holds this subnet's registration; the proof waits for the next block"
    }

    It 'a full block that no next block relieves ends at -TimeoutSec, saying what it waited for' {
        $e = $instant.Endpoint
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        (Register-SubtensorNeuron -NetUid 1 -Endpoint $e -Wallet r1 -WalletHotkey default -WalletPath $walletRoot -Confirm:$false).Status |
            Should -Be 'Registered'
        $err = $null
        $params = @{ Wallet = 'w'; WalletHotkey = 'timeout'; WalletPath = $walletRoot }
        try { Register-SubtensorNeuron -NetUid 1 -Endpoint $e @params -TimeoutSec 3 -Confirm:$false -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'RpcTimeout,*'
        "$err" | Should -Match 'ran out while waiting for the block after #\d+'
    }

    It '-MaxAttempts 1 with an expired proof: RegistrationAttemptsExhausted, nothing submitted' {
        $s = New-PowSolution -NetUid 1 -Endpoint $instant.Endpoint -Wallet w -WalletHotkey exhausted -WalletPath $walletRoot
        Invoke-DevRpc $instant.Endpoint dev_produceBlock @(6) | Out-Null
        $before = Get-Submissions $instant.Endpoint
        { $s | Register-SubtensorNeuron -Wallet w -WalletHotkey exhausted -WalletPath $walletRoot -MaxAttempts 1 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegistrationAttemptsExhausted,*' -ExpectedMessage '*after 1 attempt(s)*'
        Get-Submissions $instant.Endpoint | Should -Be $before
    }
}

Describe 'pow_register races (issue 19.6)' {
    BeforeAll {
        # Timed blocks far apart: the pool fills until the test produces a block.
        $manual = Start-DevNode -Arguments ($finney + @('--block-ms', '600000'))
        Invoke-DevRpc $manual.Endpoint dev_produceBlock @(2) | Out-Null
    }

    It 'the same proof submitted twice: the pool answers duplicate, reported as such' {
        $e = $manual.Endpoint
        $s = New-PowSolution -NetUid 1 -Endpoint $e -Wallet w -WalletHotkey dup -WalletPath $walletRoot
        $first = $s | Register-SubtensorNeuron -Wallet w -WalletHotkey dup -WalletPath $walletRoot -Wait None -Confirm:$false
        $first.Status | Should -Not -Be 'Failed'
        $err = $null
        $params = @{ Wallet = 'w'; WalletHotkey = 'dup'; WalletPath = $walletRoot }
        try { $s | Register-SubtensorNeuron @params -Wait None -MaxAttempts 1 -Confirm:$false -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'DuplicateProof,*'
        "$err" | Should -Match 'The pool refused pow_register: the pool already holds a pow_register for this hotkey and work block'
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        (Get-SubtensorBlock -Endpoint $e -NetUid 1 -Wallet w -WalletHotkey dup -WalletPath $walletRoot).LastPowRegistrationBlock |
            Should -Be $s.BlockNumber
    }

    It 'two clients on one head: one lands in block B, the other is dropped there, re-solves at the raised difficulty and lands later' {
        $e = $manual.Endpoint
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        $head = Get-Head $e
        $before = (Get-SubtensorBlock -Endpoint $e -NetUid 1).Difficulty
        $runs = foreach ($wallet in 'r1', 'r2') {
            Invoke-InRunspace -Async ("Register-SubtensorNeuron -NetUid 1 -Endpoint '$e' -Wallet $wallet -WalletHotkey default " +
                "-WalletPath '$walletRoot' -Confirm:`$false -Verbose")
        }
        # Both proofs are in the pool for block head + 1 before it is built.
        foreach ($run in $runs) { Wait-RunspaceVerbose $run 'Status: Ready' }
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        $loser = $null
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not $loser -and [DateTime]::UtcNow -lt $deadline) {
            $loser = $runs |
                Where-Object { (Get-Verbose $_) -match "block #$($head + 1) already holds this subnet's registration" } |
                Select-Object -First 1
            Start-Sleep -Milliseconds 50
        }
        $loser | Should -Not -BeNullOrEmpty
        # Block B+1 has room: the loser signs the proof it solved on B and submits it, for block B+2.
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ((Get-Verbose $loser) -notmatch '(?s)Status: Invalid.*Status: Ready' -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        Invoke-DevRpc $e dev_produceBlock @(1) | Out-Null
        foreach ($run in $runs) { Wait-Runspace $run 60 | Out-Null }
        $winner = $runs | Where-Object { $_ -ne $loser }
        $won = Get-Results $winner
        $won.Status | Should -Be 'Registered'
        $won.Attempts | Should -Be 1
        $won.BlockNumber | Should -Be $head
        [ulong](Invoke-DevRpc $e chain_getHeader @($won.BlockHash)).number | Should -Be ($head + 1)
        $lost = Get-Results $loser
        $lost.Count | Should -Be 2
        $lost[0].Status | Should -Be 'Invalid'
        $lost[0].Error | Should -Match 'dropped pow_register from the block it built'
        @($loser.PowerShell.Streams.Error)[0].FullyQualifiedErrorId | Should -BeLike 'TooManyRegistrationsThisBlock,*'
        $lost[1].Status | Should -Be 'Registered'
        $lost[1].Attempts | Should -Be 2
        $lost[1].BlockNumber | Should -Be ($head + 1)
        [ulong](Invoke-DevRpc $e chain_getHeader @($lost[1].BlockHash)).number | Should -Be ($head + 3)
        # The second proof was solved at the difficulty the winner's registration raised (×1.26, after a block's decay).
        $raised = (Get-SubtensorBlock -Endpoint $e -Number ($head + 1) -NetUid 1).Difficulty
        $raised | Should -BeGreaterThan ([ulong]($before * 1.25))
        Get-Verbose $loser |
            Should -Match "Solving subnet 1 block $($head + 1) .* difficulty $($raised.ToString('N0', [cultureinfo]::InvariantCulture)) "
    }

    It 'two clients with 1000 ms blocks both end registered, in different blocks' {
        $timed = Start-DevNode -Arguments ($finney + @('--block-ms', '1000'))
        $e = $timed.Endpoint
        $runs = foreach ($wallet in 't1', 't2') {
            Invoke-InRunspace -Async ("Register-SubtensorNeuron -NetUid 1 -Endpoint '$e' -Wallet $wallet -WalletHotkey default " +
                "-WalletPath '$walletRoot' -Confirm:`$false -Verbose")
        }
        $landed = foreach ($run in $runs) {
            Wait-Runspace $run 90 | Out-Null
            $r = Get-Results $run | Where-Object Status -EQ 'Registered'
            $r | Should -Not -BeNullOrEmpty -Because (Get-Verbose $run)
            [ulong](Invoke-DevRpc $e chain_getHeader @($r.BlockHash)).number
        }
        $landed[0] | Should -Not -Be $landed[1]
    }
}

Describe 'a runtime upgrade to pow_register during New-PowSolution -NetUid (issue 19.6)' {
    BeforeAll {
        # Spec 425's register burns and the metadata has no pow_register; the upgrade serves finney 475's metadata bytes.
        $finneyFile = Join-Path $TestDrive 'finney475.scale'
        [IO.File]::WriteAllBytes($finneyFile, [Convert]::FromHexString((Invoke-DevRpc $instant.Endpoint state_getMetadata @()) -replace '^0x'))
        $old = Start-DevNode -Arguments @('--block-ms', '500', '--spec-version', '425', '--metadata', 'raonet-spec218-v14.scale',
            '--subnet', '3:10000000000000', '--subnet', '4:10000000000000')

        function Start-SolveThenUpgrade([int] $NetUid, [scriptblock] $Before = {}) {
            $run = Invoke-InRunspace -Async ("New-PowSolution -NetUid $NetUid -Endpoint '$($old.Endpoint)' -Wallet w -WalletHotkey upgrade " +
                "-WalletPath '$walletRoot' -TimeoutSec 60 -Verbose")
            Wait-RunspaceVerbose $run 'Nonces start at'
            & $Before
            Invoke-DevRpc $old.Endpoint dev_upgradeRuntime @(475, $finneyFile) | Out-Null
            $run
        }
    }

    It 'PoW on: the search switches to the PowRegisterV1 challenge, bound to the wallet''s coldkey' {
        # MaxDifficulty below D: spec 425's legacy solve goes on at D, and pow_register's clamp takes the current block's
        # work down to MaxDifficulty as soon as the upgrade is seen, not from the next head.
        $run = Start-SolveThenUpgrade 3 { Invoke-DevRpc $old.Endpoint dev_setDifficulty @(3, 10000000000000, $null, 5000000000000) | Out-Null }
        Wait-RunspaceVerbose $run 'solving its seal \(PowRegisterV1\) .* at the subnet''s clamped difficulty 5,000,000,000,000\.'
        # The subnet's clamped difficulty, low enough to finish (MinDifficulty's default is 10^7).
        Invoke-DevRpc $old.Endpoint dev_setDifficulty @(3, 2000, 1000) | Out-Null
        $run = Wait-Runspace $run 60
        $s = @($run.Output)[0]
        $s | Should -Not -BeNullOrEmpty -Because "$(@($run.PowerShell.Streams.Error)) $(Get-Verbose $run)"
        $s.Scheme | Should -Be 'PowRegisterV1'
        $s.NetUid | Should -Be 3
        $s.Coldkey | Should -Be $cold.ss58Address
        Get-Verbose $run | Should -Match 'upgraded its runtime from spec 425 to spec 475'
        ($s | Test-PowSolution -Detailed).IsValid | Should -BeTrue
    }

    It 'PoW off after the upgrade: the search stops with an error that names burn registration' {
        # Back to spec 425 (the test above left the node at 475), so the solve starts on the legacy seal.
        Invoke-DevRpc $old.Endpoint dev_upgradeRuntime @(425, 'raonet-spec218-v14.scale') | Out-Null
        $run = Start-SolveThenUpgrade 4 { Invoke-DevRpc $old.Endpoint dev_setPowRegistration @(4, $false) | Out-Null }
        $run = Wait-Runspace $run 30
        @($run.Output) | Should -BeNullOrEmpty
        $e = @($run.PowerShell.Streams.Error)[0]
        if (-not $e) { $e = $run.PowerShell.InvocationStateInfo.Reason.ErrorRecord }
        $e.FullyQualifiedErrorId | Should -BeLike 'PowRegistrationClosed,*'
        $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        "$e" | Should -Match ('upgraded its runtime to spec 475 during the solve; it registers by pow_register, ' +
            'and proof-of-work registration on subnet 4 is off')
        $e.ErrorDetails.RecommendedAction | Should -Match 'Register-SubtensorNeuron -MaxCost <TAO>'
    }
}

# Issues 18 and 19 end to end on today's Finney (DevNode --profile finney, spec 475, SPEC §10): Get-SubtensorBlock's
# subnet view, the refusals before any work, online solving for pow_register, Test-PowSolution against the node, and
# registration by pow_register with unfunded coldkeys. Blocks come on demand (--block-ms 0: a submission makes its block
# at once), so every head number below is the test's own doing. Subnets 2 and 3 sit at difficulty 10^15 (their floor too), which no
# solver meets within a test: a refusal there that returns at all has solved nothing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not ('BittensorPowTests.ScriptedHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs') }
    foreach ($dll in 'BittensorPow.Subtensor.dll', 'BouncyCastle.Cryptography.dll') { Add-Type -Path (Join-Path (Get-TestModulePath) $dll) }

    Import-Module (Join-Path $PSScriptRoot 'FinneyWallets.psm1') -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    New-PlainWallets $walletRoot @{
        alpha = @('default', 'onego', 'whatif', 'refused', 'taken', 'stale', 'mismatch'); beta = @('default'); gamma = @('default')
    }
    function Get-Pub([string] $Path) { Get-Content (Join-Path $walletRoot $Path) -Raw | ConvertFrom-Json }
    $alpha = Get-Pub 'alpha/coldkeypub.txt'
    $beta = Get-Pub 'beta/coldkeypub.txt'
    $gamma = Get-Pub 'gamma/coldkeypub.txt'
    # beta holds alpha's 'taken' hotkey too: after alpha registers it, beta may not (NonAssociatedColdKey).
    Copy-Item (Join-Path $walletRoot 'alpha/hotkeys/taken*') (Join-Path $walletRoot 'beta/hotkeys')
    function W([string] $Wallet, [string] $Hotkey = 'default') { @{ Wallet = $Wallet; WalletHotkey = $Hotkey; WalletPath = $walletRoot } }
    $alphaDefault = W alpha default
    $alphaMismatch = W alpha mismatch
    $alphaOnego = W alpha onego
    $alphaStale = W alpha stale
    $alphaTaken = W alpha taken
    $betaDefault = W beta default

    $node = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '0',
        '--subnet', '1:1000:pow=on:max=1000000', '--subnet', '2:1000000000000000:pow=off:min=1000000000000000',
        '--subnet', '3:1000000000000000:pow=on:min=1000000000000000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null

    function Get-Hex([byte[]] $Bytes) { '0x' + [Convert]::ToHexString($Bytes).ToLowerInvariant() }
    function Get-Bytes([string] $Hex) { [Convert]::FromHexString($Hex -replace '^0x') }
    function Get-Key([string] $Item, [byte[]] $MapKey) {
        $prefix = [BittensorPow.Subtensor.Storage.StorageKey]::Prefix('SubtensorModule', $Item)
        Get-Hex ([byte[]]($prefix + $MapKey))
    }
    # Burn(1) = 2.5 TAO, so the subnet view's Burn is a value this file set.
    Invoke-DevRpc $endpoint dev_setStorage @(
        (Get-Key 'Burn' ([BitConverter]::GetBytes([uint16]1))), (Get-Hex ([BitConverter]::GetBytes([uint64]2500000000)))) | Out-Null
    Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null

    function Get-Head { [ulong](Invoke-DevRpc $endpoint chain_getHeader @()).number }
    function Get-AccountNonce([string] $Ss58) { [ulong](Invoke-DevRpc $endpoint system_accountNextIndex @($Ss58)) }
    function Get-Submissions {
        $c = Invoke-DevRpc $endpoint dev_callCounts @(); [int]$c.author_submitExtrinsic + [int]$c.author_submitAndWatchExtrinsic
    }

    # The pow_register seal recomputed here (BCL SHA-256, BouncyCastle Keccak-256), and the chain's little-endian rule.
    function Get-PowRegisterSeal([ushort] $NetUid, [string] $BlockHash, [string] $Hotkey, [string] $Coldkey, [ulong] $Nonce) {
        $payload = [Text.Encoding]::ASCII.GetBytes('subtensor-pow-register-v1') + [BitConverter]::GetBytes($NetUid) +
            (Get-Bytes $BlockHash) + (Get-Bytes $Hotkey) + (Get-Bytes $Coldkey) + [BitConverter]::GetBytes($Nonce)
        $keccak = [Org.BouncyCastle.Crypto.Digests.KeccakDigest]::new(256)
        $sha = [Security.Cryptography.SHA256]::HashData([byte[]]$payload)
        $keccak.BlockUpdate($sha, 0, 32)
        $seal = [byte[]]::new(32)
        $keccak.DoFinal($seal, 0) | Out-Null
        $seal
    }
    function Test-Meets([byte[]] $Seal, [ulong] $Difficulty) {
        ([Numerics.BigInteger]::new([byte[]]($Seal + [byte]0)) * $Difficulty) -le ([Numerics.BigInteger]::Pow(2, 256) - 1)
    }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Get-SubtensorBlock -NetUid on finney (issue 18.2)' {
    It 'shows the switches, the clamped difficulty with its bounds, the registrations of the block and the burn the node holds' {
        $b = Get-SubtensorBlock -Endpoint $endpoint -NetUid 1
        $b.SpecVersion | Should -Be 475
        $b.PowRegisterCall | Should -Be 'Listed'
        $b.RegistrationScheme | Should -Be 'PowRegisterV1'
        $b.PowRegistrationAllowed | Should -BeTrue
        $b.RegistrationAllowed | Should -BeTrue
        # Started at 1000: under finney a test difficulty is its own floor, so the per-block decay leaves it there.
        $b.Difficulty | Should -Be 1000
        $b.MinDifficulty | Should -Be 1000
        $b.MaxDifficulty | Should -Be 1000000
        $b.RegistrationsThisBlock | Should -Be 0
        $b.MaxRegistrationsPerBlock | Should -Be 1
        $b.Burn | Should -Be 2.5
        $off = Get-SubtensorBlock -Endpoint $endpoint -NetUid 2
        $off.PowRegistrationAllowed | Should -BeFalse
        $off.Difficulty | Should -Be 1000000000000000
        $off.MinDifficulty | Should -Be 1000000000000000
        # MaxDifficulty's chain default (u64::MAX / 4) where the node set none.
        $off.MaxDifficulty | Should -Be ([ulong]::MaxValue / 4)
    }

    It 'with -Wallet: a hotkey nobody registered has no uid, no owner and no watermark' {
        $b = Get-SubtensorBlock -Endpoint $endpoint -NetUid 1 @alphaOnego
        $b.Hotkey | Should -Be (Get-Pub 'alpha/hotkeys/onegopub.txt').ss58Address
        $b.HotkeyUid | Should -BeNullOrEmpty
        $b.HotkeyOwner | Should -BeNullOrEmpty
        $b.LastPowRegistrationBlock | Should -BeNullOrEmpty
    }
}

Describe 'pow_register refused before any work (issue 18.3)' {
    BeforeAll {
        # 'taken' registered by alpha on subnet 1 (work at difficulty 1000), so its owner is alpha.
        $r = Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @alphaTaken -Confirm:$false
        $r.Status | Should -Be 'Registered'
        # gamma's OwnedHotkeys holds 256 entries: a new hotkey has no room (TooManyStakingHotkeys).
        $coldkey = Get-Bytes $gamma.publicKey
        $blake = [Org.BouncyCastle.Crypto.Digests.Blake2bDigest]::new(128)
        $blake.BlockUpdate($coldkey, 0, 32)
        $hashed = [byte[]]::new(16)
        $blake.DoFinal($hashed, 0) | Out-Null
        $hashed = [byte[]]($hashed + $coldkey)   # Blake2_128Concat
        $entries = [byte[]](0x01, 0x04) + [byte[]]::new(256 * 32)
        for ($i = 0; $i -lt 256; $i++) { $entries[2 + $i * 32] = [byte]$i; $entries[3 + $i * 32] = 0x77 }
        Invoke-DevRpc $endpoint dev_setStorage @((Get-Key 'OwnedHotkeys' $hashed), (Get-Hex $entries)) | Out-Null
        # 'refused' registered on subnet 3 at the head (no work), so it is already there.
        Invoke-DevRpc $endpoint dev_register @(3, (Get-Pub 'alpha/hotkeys/refusedpub.txt').ss58Address) | Out-Null

        <# Runs one refusal through both cmdlets; returns each one's ErrorRecord and the submissions it made. #>
        function Get-Refusals([int] $NetUid, [hashtable] $Wallet) {
            $before = Get-Submissions
            $results = foreach ($command in 'New-PowSolution', 'Register-SubtensorNeuron') {
                $extra = if ($command -eq 'Register-SubtensorNeuron') { @{ Confirm = $false } } else { @{} }
                $t = [Diagnostics.Stopwatch]::StartNew()
                $out = $null
                $err = $null
                try { $out = & $command -NetUid $NetUid -Endpoint $endpoint @Wallet @extra -ErrorAction Stop } catch { $err = $_ }
                [pscustomobject]@{ Command = $command; Output = $out; Error = $err; Seconds = $t.Elapsed.TotalSeconds }
            }
            (Get-Submissions) | Should -Be $before -Because 'a refusal before work submits nothing'
            $results
        }
    }

    It 'PoW off: names who can turn it on, and burn with -MaxCost as the other way' {
        foreach ($r in Get-Refusals 2 (W alpha whatif)) {
            $r.Output | Should -BeNullOrEmpty -Because $r.Command
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'PowRegistrationClosed,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $r.Error.Exception.Message | Should -Match "only the subnet's owner can turn it on"
            $r.Error.Exception.Message | Should -Match 'sudo_set_network_pow_registration_allowed'
            $r.Error.ErrorDetails.RecommendedAction | Should -Match 'register by burn: Register-SubtensorNeuron -MaxCost <TAO> \(now [\d.,]+ TAO\)'
            $r.Seconds | Should -BeLessThan 10 -Because "$($r.Command) answers in one round trip (difficulty 10^15 would take hours)"
        }
    }

    It 'hotkey already registered on the subnet' {
        foreach ($r in Get-Refusals 3 (W alpha refused)) {
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'HotKeyAlreadyRegisteredInSubNet,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $r.Error.Exception.Message | Should -Match 'already registered on subnet 3 as uid 0'
            $r.Seconds | Should -BeLessThan 10
        }
    }

    It 'hotkey owned by another coldkey' {
        foreach ($r in Get-Refusals 3 (W beta taken)) {
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'NonAssociatedColdKey,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $r.Error.Exception.Message | Should -Match "belongs to coldkey $($alpha.ss58Address), not to $($beta.ss58Address)"
            $r.Seconds | Should -BeLessThan 10
        }
    }

    It 'root subnet and a subnet that does not exist' {
        foreach ($r in Get-Refusals 0 (W alpha whatif)) {
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'RegistrationNotPermittedOnRootSubnet,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        foreach ($r in Get-Refusals 99 (W alpha whatif)) {
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'SubnetNotFound,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $r.Error.Exception.Message | Should -Match 'Subnet 99 does not exist'
        }
    }

    It "the coldkey's hotkey list is full (256 OwnedHotkeys)" {
        foreach ($r in Get-Refusals 3 (W gamma)) {
            $r.Error.FullyQualifiedErrorId | Should -BeLike 'TooManyStakingHotkeys,*' -Because $r.Command
            $r.Error.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $r.Error.Exception.Message | Should -Match 'already has 256 hotkeys'
        }
    }
}

Describe 'New-PowSolution -NetUid and Test-PowSolution -Endpoint on finney (issue 18.4)' {
    # Registrations above raised subnet 1's difficulty: back to its floor, so each value below is this Describe's doing.
    BeforeAll { Invoke-DevRpc $endpoint dev_setDifficulty @(1, 1000) | Out-Null }

    It 'solves the PowRegisterV1 seal on the head, bound to the coldkey and the subnet' {
        $head = Get-Head
        $hash = (Invoke-DevRpc $endpoint chain_getBlockHash @($head))
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaStale
        $s.Scheme | Should -Be 'PowRegisterV1'
        $s.NetUid | Should -Be 1
        $s.BlockNumber | Should -Be $head
        $s.BlockHash | Should -Be $hash
        $s.Coldkey | Should -Be $alpha.ss58Address
        $s.Difficulty | Should -Be 1000
        $seal = Get-PowRegisterSeal 1 $hash (Get-Pub 'alpha/hotkeys/stalepub.txt').publicKey $alpha.publicKey $s.Nonce
        $s.Seal | Should -Be (Get-Hex $seal)
        Test-Meets $seal 1000 | Should -BeTrue
    }

    It 'moves to a new head while it solves' {
        # Difficulty 10^15 on subnet 3 cannot be met: the search is stopped by its timeout, after it has seen the new heads.
        $run = Invoke-InRunspace -Async ("New-PowSolution -NetUid 3 -Endpoint '$endpoint' -Wallet beta -WalletPath '$walletRoot' " +
            "-TimeoutSec 4 -Verbose")
        Wait-RunspaceVerbose $run 'PowRegisterV1 seal'
        Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
        $head = Get-Head
        Wait-Runspace $run 30 | Out-Null
        $verbose = @($run.PowerShell.Streams.Verbose.Message) -join "`n"
        $verbose | Should -Match "#$head\b"
        $run.PowerShell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'PowSolveTimeout,*'
    }

    It 'judges window, watermark and the difficulty now: valid, stale after 5 blocks, below a raised difficulty' {
        $hotkey = (Get-Pub 'alpha/hotkeys/stalepub.txt')
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaStale
        $now = $s | Test-PowSolution -Endpoint $endpoint -Detailed
        $now.IsValid | Should -BeTrue
        $now.IsStale | Should -BeFalse
        $now.CurrentDifficulty | Should -Be 1000
        $now.MeetsCurrentDifficulty | Should -BeTrue
        $now.LastPowRegistrationBlock | Should -BeNullOrEmpty
        # Work on head W is valid when included in W+1 … W+5: at head W+4 it still is, at W+5 it is not.
        Invoke-DevRpc $endpoint dev_produceBlock @(4) | Out-Null
        ($s | Test-PowSolution -Endpoint $endpoint -Detailed).IsStale | Should -BeFalse
        Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null
        $late = $s | Test-PowSolution -Endpoint $endpoint -Detailed
        $late.IsStale | Should -BeTrue
        $late.IsValid | Should -BeFalse
        $late.Reason | Should -Match "outside pow_register's window"

        # A nonce that meets 1000 but not 1260 (found here with the independent seal), on a fresh head.
        $head = Get-Head
        $hash = Invoke-DevRpc $endpoint chain_getBlockHash @($head)
        $check = @{ Scheme = 'PowRegisterV1'; NetUid = 1; BlockHash = $hash; BlockNumber = $head; Difficulty = 1000; Hotkey = $hotkey.ss58Address
            Coldkey = $alpha.ss58Address }
        $nonce = -1
        do {
            $nonce = (New-PowSolution @check -NonceStart ($nonce + 1) -ThreadCount 1).Nonce
            $seal = Get-PowRegisterSeal 1 $hash $hotkey.publicKey $alpha.publicKey $nonce
        } until ((Test-Meets $seal 1000) -and -not (Test-Meets $seal 1260))
        $check += @{ Nonce = $nonce; Endpoint = $endpoint }
        (Test-PowSolution @check -Detailed).MeetsCurrentDifficulty | Should -BeTrue
        # Another hotkey's registration on subnet 1 raises D ×1.26 to 1260.
        (Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @betaDefault -Confirm:$false).Status | Should -Be 'Registered'
        $raised = Test-PowSolution @check -Detailed
        $raised.CurrentDifficulty | Should -Be 1260
        $raised.MeetsCurrentDifficulty | Should -BeFalse
        $raised.IsValid | Should -BeFalse
        $raised.Reason | Should -Match 'not the subnet''s difficulty now, 1,260'

        # The watermark: once the hotkey registered with work on block W2, work on an earlier block W1 is refused.
        $first = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaStale
        Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null
        $second = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaStale
        ($second | Register-SubtensorNeuron @alphaStale -Confirm:$false).Status | Should -Be 'Registered'
        $replay = $first | Test-PowSolution -Endpoint $endpoint -Detailed
        $replay.IsStale | Should -BeFalse
        $replay.LastPowRegistrationBlock | Should -Be $second.BlockNumber
        $replay.IsValid | Should -BeFalse
        $replay.Reason | Should -Match "last registered by work on block $($second.BlockNumber)"
    }
}

Describe 'Register-SubtensorNeuron by pow_register with an unfunded coldkey (issues 19.1, 19.2, 19.5)' {
    It 'New-PowSolution | Register-SubtensorNeuron lands pow_register signed by the coldkey, fee-free' {
        # The head after the last Describe's registration is full for subnet 1: the next block has room.
        Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null
        $hotkey = Get-Pub 'alpha/hotkeys/defaultpub.txt'
        $coldNonce = Get-AccountNonce $alpha.ss58Address
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaDefault
        $r = $s | Register-SubtensorNeuron @alphaDefault -Confirm:$false
        $r.Status | Should -Be 'Registered'
        $r.NetUid | Should -Be 1
        $r.Hotkey | Should -Be $hotkey.ss58Address
        $r.BlockNumber | Should -Be $s.BlockNumber
        $r.Nonce | Should -Be $s.Nonce
        $r.Attempts | Should -Be 1
        # The coldkey signed (its account nonce moved), the hotkey did not; neither holds a rao.
        Get-AccountNonce $alpha.ss58Address | Should -Be ($coldNonce + 1)
        Get-AccountNonce $hotkey.ss58Address | Should -Be 0
        $after = Get-SubtensorBlock -Endpoint $endpoint -NetUid 1 @alphaDefault
        $after.HotkeyUid | Should -Be $r.Uid
        $after.HotkeyOwner | Should -Be $alpha.ss58Address
        $after.LastPowRegistrationBlock | Should -Be $s.BlockNumber
        $after.RegistrationsThisBlock | Should -Be 1
        $after.Difficulty | Should -BeGreaterThan 1000
    }

    It 'one go: Register-SubtensorNeuron -NetUid solves and lands it' {
        Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null
        $r = Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @alphaOnego -Confirm:$false
        $r.Status | Should -Be 'Registered'
        $b = Get-SubtensorBlock -Endpoint $endpoint -NetUid 1 @alphaOnego
        $b.HotkeyOwner | Should -Be $alpha.ss58Address
        $b.LastPowRegistrationBlock | Should -Be $r.BlockNumber
    }

    It "a solution bound to another coldkey is refused by name before anything is signed (not the pool's 255)" {
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint @alphaMismatch -Coldkey $beta.ss58Address
        $s.Coldkey | Should -Be $beta.ss58Address
        $before = Get-Submissions
        { $s | Register-SubtensorNeuron @alphaMismatch -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ColdkeyMismatch,*' -ExpectedMessage (
                "*binds coldkey $($beta.ss58Address), but coldkey $($alpha.ss58Address) would sign*")
        Get-Submissions | Should -Be $before
    }

    It '-WhatIf names subnet, scheme, difficulty, coldkey and hotkey, and solves nothing' {
        $h = [BittensorPowTests.ScriptedHost]::new()
        $rs = [runspacefactory]::CreateRunspace($h)
        $rs.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            [void]$ps.AddScript("Import-Module '$(Get-TestModulePath)'; " +
                "Register-SubtensorNeuron -NetUid 3 -Endpoint '$endpoint' -Wallet alpha -WalletHotkey whatif -WalletPath '$walletRoot' -WhatIf")
            $out = $ps.Invoke()
        }
        finally { $rs.Dispose() }
        $out | Should -BeNullOrEmpty
        $screen = $h.Script.Screen -replace '\s+', ' '
        $hotkey = (Get-Pub 'alpha/hotkeys/whatifpub.txt').ss58Address
        $screen | Should -Match ([regex]::Escape("hotkey $hotkey on subnet 3"))
        $screen | Should -Match 'PowRegisterV1 seal at difficulty 1,000,000,000,000,000'
        $screen | Should -Match ([regex]::Escape("with coldkey $($alpha.ss58Address)"))
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $vectors = Get-PowVectors
    $solve = $vectors.solves | Where-Object id -eq 'solve-1'
    $offline = @{
        BlockHash  = $solve.blockHashHex
        BlockNumber = 7
        Difficulty = [ulong]$solve.difficulty
        Hotkey     = $solve.hotkeySs58
    }
}

Describe 'New-PowSolution offline' {
    It 'finds the smallest big-endian solution from the start nonce with one thread' {
        $s = New-PowSolution @offline -SealByteOrder BigEndian -ThreadCount 1 -NonceStart ([ulong]$solve.startNonce)
        $s.Nonce | Should -Be ([ulong]$solve.smallestNonceAtOrAfterStart.chainLegacyBE.nonce)
        $s.Seal | Should -Be $solve.smallestNonceAtOrAfterStart.chainLegacyBE.sealHex
        $s.SealByteOrder | Should -Be 'BigEndian'
        $s.PSObject.TypeNames[0] | Should -Be 'BittensorPow.Cmdlets.Output.PowSolution'
    }

    It 'finds the smallest little-endian solution, a different nonce' {
        $s = New-PowSolution @offline -SealByteOrder LittleEndian -ThreadCount 1 -NonceStart 0
        $s.Nonce | Should -Be ([ulong]$solve.smallestNonceAtOrAfterStart.chainLE.nonce)
    }

    It 'carries hotkey, block and statistics on the solution' {
        $s = New-PowSolution @offline -SealByteOrder BigEndian -ThreadCount 1 -NonceStart 0
        $s.Hotkey | Should -Be $solve.hotkeySs58
        $s.HotkeyPublicKey | Should -Be $solve.hotkeyPublicKeyHex
        $s.BlockNumber | Should -Be 7
        $s.NoncesTried | Should -BeGreaterThan ([ulong]$solve.smallestNonceAtOrAfterStart.chainLegacyBE.nonce)
        $s.Backend | Should -Match '^Cpu'
    }

    It 'solves with every core by default and the pipeline to Test-PowSolution is $true' {
        New-PowSolution @offline -Difficulty 20000 | Test-PowSolution | Should -BeTrue
    }

    It 'accepts a 0x public key as -Hotkey' {
        New-PowSolution @offline -Hotkey $solve.hotkeyPublicKeyHex -Difficulty 1000 | Test-PowSolution | Should -BeTrue
    }
}

Describe 'Test-PowSolution' {
    BeforeAll { $good = New-PowSolution @offline -SealByteOrder BigEndian -ThreadCount 1 -NonceStart 0 }

    It 'is $false for a tampered nonce' {
        $bad = $good | Select-Object *
        $bad.Nonce = $good.Nonce + 1
        $bad | Test-PowSolution | Should -BeFalse
    }

    It 'is $false under the other byte order and -Detailed says why' {
        $d = $good | Test-PowSolution -SealByteOrder LittleEndian -Detailed
        $d.IsValid | Should -BeFalse
        $d.MeetsDifficulty | Should -BeFalse
        $d.SealMatches | Should -BeTrue
        $d.Reason | Should -Match 'LittleEndian'
    }

    It '-Detailed reports the recomputed seal and a mismatching claimed seal' {
        $d = $good | Test-PowSolution -Detailed
        $d.IsValid | Should -BeTrue
        $d.Seal | Should -Be $good.Seal
        $d.Reason | Should -Be 'valid'
        $tampered = $good | Select-Object *
        $tampered.Seal = '0x' + ('00' * 32)
        $t = $tampered | Test-PowSolution -Detailed
        $t.SealMatches | Should -BeFalse
        $t.IsValid | Should -BeFalse
    }

    It '-PassThru passes valid solutions and writes InvalidSolution for invalid ones' {
        $bad = $good | Select-Object *
        $bad.Nonce = $good.Nonce + 1
        $out = @($good, $bad) | Test-PowSolution -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $out.Nonce | Should -Be $good.Nonce
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSolution,*'
    }

    It 'accepts the values as parameters' {
        $params = @{ BlockHash = $good.BlockHash; BlockNumber = 7; Difficulty = $good.Difficulty; Hotkey = $good.Hotkey; Nonce = $good.Nonce }
        Test-PowSolution @params -SealByteOrder BigEndian |
            Should -BeTrue
    }
}

Describe 'Progress and cancellation' {
    It 'writes progress with block, difficulty, rate, nonces and elapsed, then Completed' {
        $r = Invoke-InRunspace -Script ("New-PowSolution -BlockHash $($offline.BlockHash) -BlockNumber 7 -Difficulty 10000000000000 " +
            "-Hotkey $($offline.Hotkey) -TimeoutSec 1.5")
        $progress = @($r.PowerShell.Streams.Progress)
        $progress.Count | Should -BeGreaterThan 2
        $progress[-2].StatusDescription |
            Should -Match '^[\d.]+ .?H/s, ~ETA (\d+[smhdy])+, block 7, [\d,]+ nonces tried, [\d.]+ s, difficulty 10,000,000,000,000$'
        $progress[-2].CurrentOperation | Should -Match 'the rate is the EWMA of recent samples$'
        $progress[-1].RecordType | Should -Be 'Completed'
        @($r.PowerShell.Streams.Error)[0].FullyQualifiedErrorId | Should -BeLike 'PowSolveTimeout,*'
    }

    It 'stops within a second on a pipeline stop and leaves no worker thread' {
        $r = Invoke-InRunspace -StopAfterMs 1500 -Script ("New-PowSolution -BlockHash $($offline.BlockHash) -BlockNumber 7 " +
            "-Difficulty 10000000000000 -Hotkey $($offline.Hotkey)")
        # It was solving when stopped: not failed at once (no error), progress on block 7, and the stop is what ended it.
        @($r.PowerShell.Streams.Error) | Should -BeNullOrEmpty
        $r.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        @($r.PowerShell.Streams.Progress |
            Where-Object StatusDescription -Match '^[\d.]+ .?H/s, ~ETA \S+, block 7, .* nonces tried, .*difficulty 10,000,000,000,000$').Count |
            Should -BeGreaterThan 0
        $r.StopElapsed.TotalSeconds | Should -BeLessThan 1
        [BittensorPow.Engine.Solving.PowSolver]::RunningWorkers | Should -Be 0
        @(Get-ChildItem /proc/self/task -ErrorAction Ignore |
            Where-Object { (Get-Content (Join-Path $_.FullName 'comm') -ErrorAction Ignore) -like 'PowWorker*' }).Count |
            Should -Be 0
        @($r.Output).Count | Should -Be 0
    }

    It 'times out with PowSolveTimeout and no output' {
        $out = New-PowSolution @offline -Difficulty 10000000000000 -TimeoutSec 0.5 -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PowSolveTimeout,*'
        $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }
}

Describe 'Measure-PowHashRate' {
    It 'reports seals per second for the best CPU back end' {
        $m = Measure-PowHashRate -Seconds 0.5 -ThreadCount 1
        $m.Threads | Should -Be 1
        $m.Seals | Should -BeGreaterThan 0
        $m.SealsPerSecond | Should -BeGreaterThan 0
        $m.Backend | Should -Match '^Cpu'
    }
}

# Test-PowSolution shares its seal code with the solver, so "New-PowSolution | Test-PowSolution" alone proves little:
# here the verifier is held to the shared vectors (seals and verdicts computed by the Python reference, not by us).
Describe 'Test-PowSolution agrees with the shared vectors' {
    BeforeDiscovery {
        $root = if ($env:BITTENSORPOW_ROOT) { $env:BITTENSORPOW_ROOT } else { Join-Path $PSScriptRoot '../..' }
        $cases = (Get-Content (Join-Path $root '../shared/vectors/pow-vectors.json') -Raw | ConvertFrom-Json).cases
        $rows = foreach ($c in $cases) {
            foreach ($check in $c.checks) {
                foreach ($rule in @(@{ Order = 'LittleEndian'; Key = 'chainLE' }, @{ Order = 'BigEndian'; Key = 'chainLegacyBE' })) {
                    @{ Id = $c.id; Case = $c; Difficulty = $check.difficulty; Order = $rule.Order; Expected = [bool]$check.($rule.Key) }
                }
            }
        }
    }
    It '<Id> at difficulty <Difficulty> read <Order>: valid is <Expected>' -ForEach $rows {
        $d = Test-PowSolution -BlockHash $Case.blockHashHex -BlockNumber 1 -Difficulty ([ulong]$Difficulty) -Hotkey $Case.hotkeySs58 `
            -Nonce ([ulong]$Case.nonce) -SealByteOrder $Order -Detailed
        $d.Seal | Should -Be $Case.sealHex
        $d.IsValid | Should -Be $Expected
    }
}

# The reference solver's knobs (-HashRateSamples, -HashRateAlpha) and its statistics on the solution.
# (Progress showing the EWMA rate: OfflineSolve.Tests.ps1.)
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $solve = (Get-PowVectors).solves | Where-Object id -eq 'solve-1'
    $offline = @{ BlockHash = $solve.blockHashHex; BlockNumber = 7; Hotkey = $solve.hotkeySs58 }
}

Describe 'Hash-rate EWMA knobs and solve statistics' {
    It 'a solve with -HashRateSamples and -HashRateAlpha carries Rounds, HashRateAverage and TimeAverage, in the list only' {
        $knobs = @{ UpdateInterval = 10000; HashRateSamples = 3; HashRateAlpha = 0.5 }
        $s = New-PowSolution @offline -Difficulty ([ulong]$solve.difficulty) -SealByteOrder BigEndian -ThreadCount 1 -NonceStart 0 @knobs
        $s.Nonce | Should -Be ([ulong]$solve.smallestNonceAtOrAfterStart.chainLegacyBE.nonce)
        # 204,081 nonces at 10,000 a round on one worker: 21 rounds.
        $s.Rounds | Should -Be 21
        $s.HashRateAverage | Should -BeGreaterThan 0
        $s.TimeAverage | Should -BeGreaterThan ([TimeSpan]::Zero)
        $s.Workers | Should -Be 1
        $list = $s | Format-List | Out-String -Width 120
        foreach ($p in 'Rounds', 'HashRateAverage', 'TimeAverage') { $list | Should -Match "(?m)^$p\s+:" }
        ($s | Format-Table | Out-String -Width 120) | Should -Not -Match 'Rounds|TimeAverage'
    }

    It '<Parameter> <Value> is <Id> on every solving cmdlet, before any connection' -ForEach @(
        @{ Parameter = 'HashRateSamples'; Value = 0; Id = 'InvalidHashRateSamples' }
        @{ Parameter = 'HashRateSamples'; Value = 1001; Id = 'InvalidHashRateSamples' }
        @{ Parameter = 'HashRateAlpha'; Value = 0; Id = 'InvalidHashRateAlpha' }
        @{ Parameter = 'HashRateAlpha'; Value = 1.5; Id = 'InvalidHashRateAlpha' }
    ) {
        $knob = @{ $Parameter = $Value }
        { New-PowSolution @offline -Difficulty 10 @knob -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
        # Port 9 on loopback has no node: the knob must be refused before connecting is even tried.
        { Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:9 @knob -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
        { Request-SubtensorFaucet -Endpoint ws://127.0.0.1:9 @knob -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
    }
}

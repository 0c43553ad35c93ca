BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $v = Get-PowVectors
    $alice = $v.keys.alice.ss58_42
    $bob = $v.keys.bob.ss58_42
    $node = Start-DevNode -Arguments @('--block-ms', '1000', '--subnet', '1:20000', '--subnet', '2:1000:pow=off',
        '--subnet', '3:10000000000000', '--registered', "1:$bob")
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Get-SubtensorBlock against the dev chain' {
    It 'reads the head, the runtime and the subnet' {
        $b = Get-SubtensorBlock -Endpoint $endpoint -NetUid 1
        $b.Number | Should -BeGreaterThan 0
        $b.Hash | Should -Match '^0x[0-9a-f]{64}$'
        $b.SpecName | Should -Be 'node-subtensor'
        $b.SpecVersion | Should -Be 218
        $b.SealByteOrder | Should -Be 'BigEndian'
        $b.SubnetExists | Should -BeTrue
        $b.Difficulty | Should -Be 20000
        $b.PowRegistrationAllowed | Should -BeTrue
    }
    It 'reads a numbered block whose hash is its parent''s successor' {
        $head = Get-SubtensorBlock -Endpoint $endpoint
        $prev = Get-SubtensorBlock -Endpoint $endpoint -Number ($head.Number - 1)
        $again = Get-SubtensorBlock -Endpoint $endpoint -Number $head.Number
        $again.ParentHash | Should -Be $prev.Hash
    }
    It 'reports a missing subnet as not existing' {
        (Get-SubtensorBlock -Endpoint $endpoint -NetUid 99).SubnetExists | Should -BeFalse
    }
}

Describe 'New-PowSolution -NetUid against the dev chain' {
    It 'solves on the head; Test-PowSolution is $true and not stale' {
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint -Hotkey $alice
        $s.NetUid | Should -Be 1
        $s.Endpoint | Should -Be $endpoint
        $s.SealByteOrder | Should -Be 'BigEndian'
        $s.SealRule | Should -Match 'spec 218'
        $s | Test-PowSolution | Should -BeTrue
        $d = $s | Test-PowSolution -Detailed
        $d.IsStale | Should -BeFalse
        $d.CurrentBlock | Should -BeGreaterOrEqual $s.BlockNumber
    }

    It 'picks up a new block during the solve' {
        $start = (Get-SubtensorBlock -Endpoint $endpoint).Number
        $r = Invoke-InRunspace -Script "New-PowSolution -NetUid 3 -Endpoint $endpoint -Hotkey $alice -Verbose -TimeoutSec 60" -StopAfterMs -1 -Async
        # Every worker moves onto a new head at the old difficulty first (at 5,000 the first worker to take a new
        # template solves it before the others have taken it, and no "moved onto it" line is due).
        Wait-RunspaceVerbose $r 'moved onto it'
        Invoke-DevRpc $endpoint dev_setDifficulty @(3, 5000) | Out-Null
        $r = Wait-Runspace $r
        try {
            $s = @($r.Output)[0]
            $said = @($r.PowerShell.Streams.Verbose.Message) + @($r.PowerShell.Streams.Error | ForEach-Object { "$_" })
            $s | Should -Not -BeNullOrEmpty -Because ($said -join ' | ')
            $s.Difficulty | Should -Be 5000
            $s.BlockNumber | Should -BeGreaterThan $start
            $s.BlocksSeen | Should -BeGreaterThan 1
            $said -match 'moved onto it' | Should -Not -BeNullOrEmpty -Because ($said -join ' | ')
            $s | Test-PowSolution | Should -BeTrue
        }
        finally { Invoke-DevRpc $endpoint dev_setDifficulty @(3, 10000000000000) | Out-Null }
    }

    It 'netuid 99 is SubnetNotFound' {
        { New-PowSolution -NetUid 99 -Endpoint $endpoint -Hotkey $alice -ErrorAction Stop } |
            Should -Throw -ErrorId 'SubnetNotFound,BittensorPow.Cmdlets.Commands.NewPowSolutionCommand'
    }

    It 'closed PoW registration is PowRegistrationClosed' {
        { New-PowSolution -NetUid 2 -Endpoint $endpoint -Hotkey $alice -ErrorAction Stop } |
            Should -Throw -ErrorId 'PowRegistrationClosed,BittensorPow.Cmdlets.Commands.NewPowSolutionCommand'
    }

    It 'an already registered hotkey gives a warning and nothing' {
        $out = New-PowSolution -NetUid 1 -Endpoint $endpoint -Hotkey $bob -WarningVariable warnings -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'already registered on subnet 1 as uid'
    }

    It 'a solution goes stale once the chain moves two blocks past it' {
        $s = New-PowSolution -NetUid 1 -Endpoint $endpoint -Hotkey $alice
        Invoke-DevRpc $endpoint dev_produceBlock @(3) | Out-Null
        $d = $s | Test-PowSolution -Detailed
        $d.IsStale | Should -BeTrue
        $d.IsValid | Should -BeFalse
        $d.Reason | Should -Match 'window'
    }

    It 'a refused connection is ConnectionFailed, quickly' {
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        { Get-SubtensorBlock -Endpoint 'ws://127.0.0.1:1' -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectionFailed,*'
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It 'a bad URL is InvalidEndpoint' {
        { Get-SubtensorBlock -Endpoint 'http://127.0.0.1:9944' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEndpoint,*'
    }
}

Describe 'A dropped connection during an online solve' {
    It 'the solve goes on, reconnects, follows the chain again and finishes' {
        $r = Invoke-InRunspace -Script "New-PowSolution -NetUid 3 -Endpoint $endpoint -Hotkey $alice -Verbose -TimeoutSec 60" -Async
        Wait-RunspaceVerbose $r '^Solving block'
        Invoke-DevRpc $endpoint dev_dropConnections | Out-Null
        Start-Sleep -Milliseconds 1500
        $afterDrop = (Get-SubtensorBlock -Endpoint $endpoint).Number
        Invoke-DevRpc $endpoint dev_setDifficulty @(3, 5000) | Out-Null
        $r = Wait-Runspace $r
        try {
            $s = @($r.Output)[0]
            $s | Should -Not -BeNullOrEmpty -Because (@($r.PowerShell.Streams.Error) -join '; ')
            $s.Difficulty | Should -Be 5000
            $s.BlockNumber | Should -BeGreaterOrEqual $afterDrop -Because 'new heads must arrive through the resubscribed subscription'
            $s | Test-PowSolution | Should -BeTrue
        }
        finally { Invoke-DevRpc $endpoint dev_setDifficulty @(3, 10000000000000) | Out-Null }
    }
}

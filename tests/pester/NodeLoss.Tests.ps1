# A node that goes away (issue 20): a real DevNode process killed mid-solve and mid-submit, then started again on the
# same port as a fresh chain (blocks from 0) — or not. Short reconnect limits and fast blocks keep this file short.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $alice = (Get-PowVectors).keys.alice.ss58_42
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    # Wallet 'plain': an unencrypted coldkey (the shared plain hotkey keyfile), so no argon2 unlock stands in a drip.
    New-Item -ItemType Directory (Join-Path $walletRoot 'plain/hotkeys') -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/coldkey')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') (Join-Path $walletRoot 'plain/coldkeypub.txt')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/hotkeys/default')
    $unsolvable = '1:1000000000000000'

    $script:started = @()
    function Start-Node([string[]] $Arguments) { $n = Start-DevNode -Arguments $Arguments; $script:started += $n; $n }
    # Whatever a test left running (it failed halfway, say): every DevNode it started.
    function Stop-Started { foreach ($n in @($script:started)) { if ($n -and -not $n.Process.HasExited) { Stop-DevNode $n } }; $script:started = @() }
    function Stop-Hard($Node) { $Node.Process.Kill($true); [void]$Node.Process.WaitForExit(10000) }

    # The solver's threads in this process (the runspaces run in it), "PowWorker N", and the CPU seconds they have used,
    # read from /proc: the machine's load and this process's other threads do not blur it.
    function Get-WorkerCpu {
        $threads = 0; $ticks = 0
        foreach ($task in Get-ChildItem "/proc/$PID/task") {
            if ((Get-Content "$($task.FullName)/comm" -ErrorAction SilentlyContinue) -notlike 'PowWorker*') { continue }
            # Fields after "pid (comm) ": utime and stime (fields 14 and 15) are the 12th and 13th.
            $f = ((Get-Content "$($task.FullName)/stat" -Raw) -replace '^.*\) ', '') -split ' '
            $threads++; $ticks += [long]$f[11] + [long]$f[12]
        }
        [pscustomobject]@{ Threads = $threads; Seconds = $ticks / 100.0 }
    }

    # CPU seconds the solver's threads use over the next $Seconds (elsewhere than Linux: the whole process's).
    function Measure-WorkerCpu([double] $Seconds) {
        if (-not $IsLinux) {
            $p = [Diagnostics.Process]::GetCurrentProcess(); $before = $p.TotalProcessorTime
            Start-Sleep -Milliseconds ($Seconds * 1000); $p.Refresh()
            return ($p.TotalProcessorTime - $before).TotalSeconds
        }
        $before = Get-WorkerCpu
        Start-Sleep -Milliseconds ($Seconds * 1000)
        (Get-WorkerCpu).Seconds - $before.Seconds
    }

    function Wait-Until([scriptblock] $Condition, [int] $TimeoutSec = 20, [string] $What) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Not within $TimeoutSec s: $What" }
            Start-Sleep -Milliseconds 50
        }
    }

    # The terminating error a -Async run ended with (its script catches it and writes it out).
    function Get-RunError($Run) { @($Run.Output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0] }

    function Get-NoncesTried($Run) {
        $status = @($Run.PowerShell.Streams.Progress | Where-Object StatusDescription -like 'Paused*')[-1].StatusDescription
        [long](($status -replace '.*?([\d,]+) nonces tried.*', '$1') -replace ',', '')
    }
}

Describe 'New-PowSolution when its node goes away' {
    AfterEach { Stop-Started }
    It ('killed mid-solve: a warning at once, the workers pause once the work is stale, ' +
        'and a node restarted on the same port is followed from its head') {
        $node = Start-Node @('--block-ms', '250', '--subnet', $unsolvable)
        $port = ([uri]$node.Endpoint).Port
        Invoke-DevRpc $node.Endpoint dev_produceBlock @(40) | Out-Null
        $r = Invoke-InRunspace -Script ("New-PowSolution -NetUid 1 -Endpoint $($node.Endpoint) -Hotkey $alice -ThreadCount 2 " +
            "-ReconnectLimitSec 30 -Verbose") -Async
        # Two new heads: the chain's pace is known, so staleness while away is judged by it.
        Wait-Until { @($r.PowerShell.Streams.Verbose.Message -match '^New head').Count -ge 2 } -What 'two new heads'

        Stop-Hard $node
        Wait-Until { $r.PowerShell.Streams.Warning.Count -ge 1 } -TimeoutSec 3 -What 'a warning after the kill'
        $warning = $r.PowerShell.Streams.Warning[0].Message
        $warning | Should -Match ("^Lost the connection to $([regex]::Escape($node.Endpoint)) .* while solving registration work " +
            "for subnet 1 on block #\d+ \(difficulty 1,000,000,000,000,000\)\. Reconnecting for up to 30 s")

        Wait-RunspaceVerbose $r 'the workers pause' -TimeoutSec 10
        Start-Sleep -Milliseconds 500   # a progress record or two while paused
        $tried = Get-NoncesTried $r
        if ($IsLinux) { (Get-WorkerCpu).Threads | Should -Be 2 -Because 'both workers are alive, waiting' }
        # Two workers hashing use up to 4 CPU seconds in 2 s (less on a loaded machine); paused, they use none.
        Measure-WorkerCpu 2 | Should -BeLessThan ($IsLinux ? 0.05 : 0.5)
        Get-NoncesTried $r | Should -Be $tried

        # Started again on the same port: a fresh chain whose blocks start at 0, where subnet 1 is easy.
        $node2 = Start-Node @('--port', $port, '--block-ms', '250', '--subnet', '1:5000')
        $r = Wait-Runspace $r -TimeoutSec 60
        $s = @($r.Output)[0]
        $said = @($r.PowerShell.Streams.Verbose.Message)
        $s | Should -Not -BeNullOrEmpty -Because (@($r.PowerShell.Streams.Error) -join '; ')
        $s.BlockNumber | Should -BeLessThan 40
        $s.Endpoint | Should -Be $node2.Endpoint
        # The seal checked against the new chain's block of that number (by then 250 ms blocks have made it stale).
        $d = $s | Test-PowSolution -Detailed
        $d.SealMatches | Should -BeTrue
        $d.MeetsDifficulty | Should -BeTrue
        (Get-SubtensorBlock -Endpoint $node2.Endpoint -Number $s.BlockNumber).Hash | Should -Be $s.BlockHash
        $said -match "^Reconnected to $([regex]::Escape($node.Endpoint))" | Should -Not -BeNullOrEmpty
        $said -match 'its chain started again' | Should -Not -BeNullOrEmpty
    }

    It 'not restarted: NodeLost once -ReconnectLimitSec has passed, without -TimeoutSec, and the CPU is idle after' {
        $node = Start-Node @('--block-ms', '250', '--subnet', $unsolvable)
        $r = Invoke-InRunspace -Script ("try { New-PowSolution -NetUid 1 -Endpoint $($node.Endpoint) -Hotkey $alice -ThreadCount 2 " +
            "-ReconnectLimitSec 2 -Verbose -ErrorAction Stop } catch { `$_ }") -Async
        Wait-RunspaceVerbose $r '^Nonces start at'
        $t = [Diagnostics.Stopwatch]::StartNew()
        Stop-Hard $node
        $r = Wait-Runspace $r -TimeoutSec 30
        $t.Elapsed.TotalSeconds | Should -BeLessThan 10
        $e = Get-RunError $r
        $e.FullyQualifiedErrorId | Should -BeLike 'NodeLost,*'
        "$($e.CategoryInfo.Category)" | Should -Be 'ConnectionError'
        $e.Exception.Message | Should -Match ("^The node at $([regex]::Escape($node.Endpoint)) is gone: the connection dropped " +
            "while solving registration work for subnet 1 on block #\d+ .*, " +
            "and it did not come back within the reconnect limit of 2 s\.")
        $e.ErrorDetails.RecommendedAction | Should -Match '-ReconnectLimitSec'
        [BittensorPow.Engine.Solving.PowSolver]::RunningWorkers | Should -Be 0
        if ($IsLinux) { (Get-WorkerCpu).Threads | Should -Be 0 -Because 'every worker thread has ended' }
        else { Measure-WorkerCpu 1.5 | Should -BeLessThan 0.4 }
    }
}

Describe 'Register-SubtensorNeuron and Request-SubtensorFaucet when the node dies after submitting' {
    AfterEach { Stop-Started }
    It '<Name>: NodeLost naming the wait for inclusion, not SubmissionTimeout' -ForEach @(
        @{ Name = 'Register-SubtensorNeuron'; Call = 'SubtensorModule\.register'; Node = @('--subnet', '1:1000')
            Run = 'Register-SubtensorNeuron -NetUid 1 -Wallet plain -WalletPath {0} -Endpoint {1} -ReconnectLimitSec 2 ' +
                '-Confirm:$false -Verbose -ErrorAction Stop' }
        @{ Name = 'Request-SubtensorFaucet'; Call = 'SubtensorModule\.faucet'; Node = @('--profile', 'localnet')
            Run = 'Request-SubtensorFaucet -Wallet plain -WalletPath {0} -Endpoint {1} -ReconnectLimitSec 2 ' +
                '-Confirm:$false -Verbose -ErrorAction Stop' }
    ) {
        # No block in the next hour: the transaction waits in the pool when the node is killed.
        $node = Start-Node ($Node + @('--block-ms', '3600000'))
        $script = $Run.Replace('{0}', $walletRoot).Replace('{1}', $node.Endpoint)
        $r = Invoke-InRunspace -Script "try { $script } catch { `$_ }" -Async
        Wait-RunspaceVerbose $r '^Submitted 0x[0-9a-f]{64}; waiting for inclusion'
        $t = [Diagnostics.Stopwatch]::StartNew()
        Stop-Hard $node
        $r = Wait-Runspace $r -TimeoutSec 30
        $t.Elapsed.TotalSeconds | Should -BeLessThan 10
        $e = Get-RunError $r
        $e.FullyQualifiedErrorId | Should -BeLike 'NodeLost,*'
        $e.Exception.Message | Should -Match ("the connection dropped while waiting for inclusion of $Call\(.*\) 0x[0-9a-f]{64} in a block, " +
            "and it did not come back within the reconnect limit of 2 s\. A transaction sent before the drop may still be included")
        $r.PowerShell.Streams.Warning[0].Message |
            Should -Match "^Lost the connection to $([regex]::Escape($node.Endpoint)) .* while waiting for inclusion of $Call"
    }
}

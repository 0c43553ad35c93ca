# One search spread over PowerShell remoting sessions, with real remoting: sshd instances on loopback ports (from
# tools/ssh/fetch-sshd.sh, started by tools/ssh/TestSshd.psm1) whose PowerShell subsystem runs this repository's pwsh.
# Two hosts have the module on their PSModulePath, a third does not. Sessions are opened once and shared.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/ssh/TestSshd.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $alice = (Get-PowVectors).keys.alice.ss58_42
    $block = @{ BlockHash = '0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03'; BlockNumber = 1; Hotkey = $alice }
    $moduleParent = Split-Path (Get-TestModulePath) -Parent
    $hosts = @(Start-TestSshd -Count 2 -ModulePath $moduleParent)
    $bare = @(Start-TestSshd -Count 1 -NoModule -Directory (Split-Path $hosts[0].Directory -Parent))
    $sessions = @(New-TestSshSession $hosts)
    $bareSession = New-TestSshSession $bare
    # Load the module on both hosts once, so that each search starts its hosts alike.
    Invoke-Command -Session $sessions { Import-Module BittensorPow } | Out-Null
    $names = $hosts.Name

    function Get-RemoteSearchProcess {
        # pwsh -sshs processes under any of the test sshds: one per open session.
        foreach ($h in $hosts + $bare) {
            foreach ($p in Get-TestSshdDescendant $h.Pid) {
                $cmd = (Get-Content "/proc/$p/cmdline" -Raw -ErrorAction Ignore) -replace "`0", ' '
                if ($cmd -match '-sshs') { [pscustomobject]@{ Pid = $p; Host = $h.Name; CommandLine = $cmd } }
            }
        }
    }
    # Like Invoke-InRunspace, with the parameters splatted into the script's own param block.
    function Start-Spread([string] $Script, [hashtable] $Parameters, [int] $StopAfterMs = -1, [switch] $Async) {
        $ps = [powershell]::Create()
        [void]$ps.AddScript("param(`$P) Import-Module '$(Get-TestModulePath)'; " +
            "`$ProgressPreference = 'Continue'; & { $Script } @P").AddParameter('P', $Parameters)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $run = [pscustomobject]@{ PowerShell = $ps; Output = $output; Async = $handle; StopElapsed = $null }
        if ($Async) { return $run }
        if ($StopAfterMs -ge 0) {
            Start-Sleep -Milliseconds $StopAfterMs
            $sw = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $run.StopElapsed = $sw.Elapsed
            return $run
        }
        Wait-Runspace $run -TimeoutSec 120
    }
    function Wait-SpreadRunning($Run, [int] $Hosts = 2) {
        # Until the coordinator's progress shows every host searching.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not ($Run.PowerShell.Streams.Progress | Where-Object {
                    $_.ActivityId -eq 2 -and
                    $_.StatusDescription -match " total(, ~ETA \S+)? on $Hosts/$Hosts host\(s\).* [1-9][\d,]* nonces" -and
                    $_.CurrentOperation -notmatch ' 0 H/s'
                }) -and [DateTime]::UtcNow -lt $deadline) {
            if ($Run.Async.IsCompleted) { throw "The search ended early: $($Run.PowerShell.Streams.Error)" }
            Start-Sleep -Milliseconds 100
        }
    }
    function Get-RemoteWorkers($Session) {
        Invoke-Command -Session $Session { if (Get-Module BittensorPow) { [BittensorPow.Engine.Solving.PowSolver]::RunningWorkers } else { 0 } }
    }
    function Test-Disjoint($Ranges) {
        # Ranges on the 2^64 ring: [start, start + count); none may hold another's start.
        $ring = [System.Numerics.BigInteger]::Pow(2, 64)
        foreach ($a in $Ranges) {
            foreach ($b in $Ranges) {
                if ($a -eq $b) { continue }
                $offset = ([System.Numerics.BigInteger]$b.NonceStart - [System.Numerics.BigInteger]$a.NonceStart + $ring) % $ring
                if ($offset -lt [System.Numerics.BigInteger]$a.NonceCount) { return $false }
            }
        }
        $true
    }
}
AfterAll {
    Get-PSSession | Remove-PSSession
    if ($hosts) { Stop-TestSshd $hosts }
    if ($bare) { Stop-TestSshd $bare }
}

Describe 'New-PowSolution -Session, offline' {
    It 'finds a valid solution across two hosts, names its host, and the hosts'' ranges are disjoint' {
        # From base 2e12 neither range holds a solution in its first 10M nonces (see the killed-session test), so both
        # hosts have reported their ranges before either finds one.
        $s = New-PowSolution -Session $sessions @block -Difficulty 20000000 -ThreadCount 1 -NonceStart 2000000000000
        $s | Test-PowSolution | Should -BeTrue
        $s.ComputerName | Should -BeIn $names
        $s.Hosts.Count | Should -Be 2
        $s.Hosts.ComputerName | Sort-Object | Should -Be ($names | Sort-Object)
        ($s.Hosts | Where-Object State -eq 'Found').ComputerName | Should -Be $s.ComputerName
        $s.Hosts | ForEach-Object { $_.RangeReported | Should -BeTrue -Because "$($_.ComputerName) reports its range" }
        $s.Hosts | ForEach-Object { $_.NonceCount | Should -Be ([uint64]9223372036854775808) }
        Test-Disjoint $s.Hosts | Should -BeTrue
        $s.HostsStoppedIn.TotalSeconds | Should -BeLessThan 1
        # The found nonce lies in the finder's own range.
        $finder = $s.Hosts | Where-Object State -eq 'Found'
        (([System.Numerics.BigInteger]$s.Nonce - $finder.NonceStart + [System.Numerics.BigInteger]::Pow(2, 64)) %
                [System.Numerics.BigInteger]::Pow(2, 64)) |
            Should -BeLessThan ([System.Numerics.BigInteger]$finder.NonceCount)
        (Get-RemoteWorkers $sessions) | Should -Be @(0, 0)
    }

    It 'one Write-Progress for the whole search: total and per-host rate, nonces, block, elapsed' {
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        $spread = @{
            Script = 'param($Session, $Block) New-PowSolution -Session $Session @Block -Difficulty 10000000000 ' +
                '-ThreadCount 1 -TimeoutSec 60'
            Parameters = @{ Session = $sessions; Block = $block }
        }
        $r = Start-Spread @spread -Async
        Wait-SpreadRunning $r
        Start-Sleep -Milliseconds 600
        $r.PowerShell.Stop()
        $elapsed = $sw.Elapsed.TotalSeconds
        # At most once a second (each record costs the console a redraw and the coordinator CPU): an upper bound that a
        # slow machine only makes easier to meet.
        @($r.PowerShell.Streams.Progress | Where-Object { $_.ActivityId -eq 2 -and $_.RecordType -eq 'Processing' }).Count |
            Should -BeLessOrEqual ([math]::Floor($elapsed) + 1)
        $spread = @($r.PowerShell.Streams.Progress | Where-Object ActivityId -eq 2 | Where-Object StatusDescription -match 'total')
        $spread | Should -Not -BeNullOrEmpty
        $last = $spread[-1]
        $last.Activity | Should -Match 'on 2 host\(s\)'
        $last.StatusDescription | Should -Match '^[\d.]+ [kM]?H/s total, ~ETA \S+ on 2/2 host\(s\), block 1, [\d,]+ nonces tried, [\d.]+ s$'
        foreach ($n in $names) { $last.CurrentOperation | Should -Match ([regex]::Escape($n) + ' [\d.]+ [kM]?H/s') }
        # Only the coordinator's activity: the hosts' own progress does not reach this host's display.
        @($r.PowerShell.Streams.Progress | Where-Object ActivityId -ne 2) | Should -BeNullOrEmpty
        Start-Sleep -Milliseconds 500
        (Get-RemoteWorkers $sessions) | Should -Be @(0, 0)
    }

    It 'writes -Verbose lines per host' {
        $all = New-PowSolution -Session $sessions @block -Difficulty 1000000 -ThreadCount 1 -Verbose 4>&1
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        foreach ($n in $names) { $verbose -match ('^\[' + [regex]::Escape($n) + '\] nonces \d+') | Should -Not -BeNullOrEmpty }
        $verbose -match 'every other host stopped \d+ ms later' | Should -Not -BeNullOrEmpty
    }

    It '-HostParameters overrides the solving parameters for one host' {
        $spread = @{
            Script = 'param($Session, $Block, $HP) New-PowSolution -Session $Session @Block -Difficulty 10000000000 ' +
                '-ThreadCount 1 -HostParameters $HP -Verbose'
            Parameters = @{ Session = $sessions; Block = $block; HP = @{ $names[1] = @{ ThreadCount = 2 } } }
        }
        $r = Start-Spread @spread -Async
        Wait-SpreadRunning $r
        $r.PowerShell.Stop()
        $verbose = @($r.PowerShell.Streams.Verbose.Message)
        $verbose -match ('^\[' + [regex]::Escape($names[1]) + '\] Solving .* on 2 worker\(s\)') | Should -Not -BeNullOrEmpty
        $verbose -match ('^\[' + [regex]::Escape($names[0]) + '\] Solving .* on 1 worker\(s\)') | Should -Not -BeNullOrEmpty
        $r.PowerShell.Dispose()
    }

    It "a host's own back end in -HostParameters replaces the common -Backend instead of conflicting with it" {
        # -Backend CpuScalar for all and Cuda for one host: that host gets -Cuda alone (a GPU solve, or no device here), never
        # '-Cuda -Backend CpuScalar', which New-PowSolution refuses as ConflictingParameters. At difficulty 10^10 the
        # CpuScalar host cannot end the search first (that once hid what the Cuda host said): wait until both have spoken.
        $spread = @{
            Script = 'param($Session, $Block, $HP) New-PowSolution -Session $Session @Block -Difficulty 10000000000 ' +
                '-Backend CpuScalar -ThreadCount 1 -HostParameters $HP -Verbose'
            Parameters = @{ Session = $sessions; Block = $block; HP = @{ $names[1] = @{ Cuda = $true } } }
        }
        $r = Start-Spread @spread -Async
        $cudaSpoke = '^Host ' + [regex]::Escape($names[1]) + ' dropped out|^\[' + [regex]::Escape($names[1]) + '\] Solving .* with Cuda'
        $cpuSpoke = '^\[' + [regex]::Escape($names[0]) + '\] Solving .* with CpuScalar'
        function Get-Said {
            # By index: piping a running pipeline's Error collection blocks until that pipeline ends.
            $errors = $r.PowerShell.Streams.Error
            @($r.PowerShell.Streams.Warning.Message) + @($r.PowerShell.Streams.Verbose.Message) +
                @(for ($i = 0; $i -lt $errors.Count; $i++) { "$($errors[$i])" })
        }
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (((Get-Said) -match $cudaSpoke) -and ((Get-Said) -match $cpuSpoke)) -and -not $r.Async.IsCompleted -and
                [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            $said = Get-Said
            $said -match $cudaSpoke | Should -Not -BeNullOrEmpty -Because 'the Cuda host either solves on its GPU or says why it cannot'
            $said -match $cpuSpoke | Should -Not -BeNullOrEmpty
            $said -match 'ConflictingParameters|both choose the back end' | Should -BeNullOrEmpty
        }
        finally { $r.PowerShell.Stop(); $r.PowerShell.Dispose() }
    }

    It '-HostParameters naming no host of the search is InvalidHostParameters' {
        { New-PowSolution -Session $sessions @block -Difficulty 1000 -HostParameters @{ 'rig9' = @{ Cuda = $true } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidHostParameters,*'
        { New-PowSolution -Session $sessions @block -Difficulty 1000 -HostParameters @{ $names[0] = @{ NonceStart = 5 } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidHostParameters,*'
    }

    It 'a host without the module is a warning that says how to install it; the other host solves' {
        $bareFirst = @($bareSession, $sessions[0])
        $s = New-PowSolution -Session $bareFirst @block -Difficulty 1000000 -ThreadCount 1 -WarningVariable w -WarningAction SilentlyContinue
        $s | Test-PowSolution | Should -BeTrue
        $s.ComputerName | Should -Be $names[0]
        $warning = "$w"
        $warning | Should -Match ([regex]::Escape($bare[0].Name))
        $warning | Should -Match 'BittensorPow module is not installed'
        $warning | Should -Match 'Install-Module BittensorPow'
    }

    It 'every host gone is AllHostsFailed, with each reason' {
        { New-PowSolution -Session $bareSession @block -Difficulty 1000 -ErrorAction Stop -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'AllHostsFailed,*' -ExpectedMessage '*not installed*'
    }

    It 'every host running out of -TimeoutSec is PowSolveTimeout naming each host, not AllHostsFailed' {
        $t = [Diagnostics.Stopwatch]::StartNew()
        $search = @{ Session = $sessions; Difficulty = 10000000000000; ThreadCount = 1; TimeoutSec = 2 }
        $e = { New-PowSolution @search @block -ErrorAction Stop -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'PowSolveTimeout,*' -PassThru
        $t.Elapsed.TotalSeconds | Should -BeLessThan 15
        "$($e.CategoryInfo.Category)" | Should -Be 'OperationTimeout'
        $e.Exception.Message | Should -Match '^-TimeoutSec ran out on every host of the spread search: '
        foreach ($n in $names) { $e.Exception.Message | Should -Match ([regex]::Escape($n) + ': No solution within 2 s') }
    }

    It 'a session killed mid-search is a warning naming the host; the other host still finds the solution' {
        # Sequential search (one thread per host) at difficulty 10^9 from 2000841178180: host 0's range holds its first
        # solution 150M nonces in (2000991178180), host 1's none in its first 300M (both found with New-PowSolution
        # -NonceStart/-NonceCount). A single AVX-512 thread tries ~10M nonces a second, so host 0 searches for seconds
        # after host 1 is killed: long enough for the coordinator to see the broken session before the solution.
        $doomed = New-TestSshSession $hosts[1]
        $remotePid = Invoke-Command -Session $doomed { $PID }
        $spread = @{
            Script = 'param($Session, $Block) New-PowSolution -Session $Session @Block -Difficulty 1000000000 -ThreadCount 1 ' +
                '-NonceStart 2000841178180 -TimeoutSec 100'
            Parameters = @{ Session = @($sessions[0], $doomed); Block = $block }
        }
        $r = Start-Spread @spread -Async
        try {
            Wait-SpreadRunning $r
            Stop-Process -Id $remotePid -Force
            $r = Wait-Runspace $r -TimeoutSec 100
            "$($r.PowerShell.Streams.Error)" | Should -BeNullOrEmpty
            $s = @($r.Output)[0]
            $s | Should -Not -BeNullOrEmpty
            $s.ComputerName | Should -Be $names[0]
            $s.Nonce | Should -Be 2000991178180
            $s | Test-PowSolution | Should -BeTrue
            "$($r.PowerShell.Streams.Warning)" | Should -Match ('Host ' + [regex]::Escape($names[1]) + ' dropped out')
            ($s.Hosts | Where-Object ComputerName -eq $names[1]).State | Should -Not -BeIn 'Found', 'Stopped'
        }
        finally { Remove-PSSession $doomed -ErrorAction Ignore; $r.PowerShell.Dispose() }
    }

    It 'solves the pow_register seal offline: each host is given the scheme, subnet and coldkey; the winner is checked against them' {
        $bob = (Get-PowVectors).keys.bob
        $s = New-PowSolution -Session $sessions @block -Scheme PowRegisterV1 -NetUid 3 -Coldkey $bob.ss58_42 -Difficulty 1000000 -ThreadCount 1 `
            -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $s | Test-PowSolution | Should -BeTrue
        $s.Scheme | Should -Be 'PowRegisterV1'
        $s.NetUid | Should -Be 3
        $s.ColdkeyPublicKey | Should -Be $bob.publicKeyHex
        $s.SealByteOrder | Should -Be 'LittleEndian'
        $s.ComputerName | Should -BeIn $names
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose -match ('^\[' + [regex]::Escape($s.ComputerName) + '\] Solving subnet 3 block 1 .*PowRegisterV1') | Should -Not -BeNullOrEmpty
        (Get-RemoteWorkers $sessions) | Should -Be @(0, 0)
    }

    It 'Ctrl+C stops every remote search within a second' {
        $r = Start-Spread -Script 'param($Session, $Block) New-PowSolution -Session $Session @Block -Difficulty 10000000000 -ThreadCount 1' `
            -Parameters @{ Session = $sessions; Block = $block } -StopAfterMs 3000
        $r.StopElapsed.TotalSeconds | Should -BeLessThan 1
        (Get-RemoteWorkers $sessions) | Should -Be @(0, 0)
    }
}

Describe 'New-PowSolution -HostName' {
    BeforeAll {
        $login = @{
            UserName = $hosts[0].UserName; KeyFilePath = $hosts[0].KeyFilePath
            SshOption = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
        }
        # A host whose session cannot open: New-PSSession refuses the port before it starts ssh. A refused connection
        # would be the everyday case, but pwsh 7.6's SSH transport can end the whole process on it (a broken pipe
        # thrown on its error thread while closing ssh's stdin), a race no test should run.
        $unopenable = '127.0.0.1:70000'
    }

    It 'opens its own sessions (host:port, -UserName, -KeyFilePath, -SshOption), solves, and closes them' {
        $before = @(Get-RemoteSearchProcess).Count
        $s = New-PowSolution -HostName $names -UserName $hosts[0].UserName -KeyFilePath $hosts[0].KeyFilePath -SshOption @{
            StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR'
        } @block -Difficulty 1000000 -ThreadCount 1
        $s | Test-PowSolution | Should -BeTrue
        $s.ComputerName | Should -BeIn $names
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (@(Get-RemoteSearchProcess).Count -gt $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-RemoteSearchProcess).Count | Should -Be $before
    }

    It 'Ctrl+C leaves no remote process behind' {
        # Sessions of the tests before may still be ending: count once the number has held for half a second.
        $before = -1; $same = 0; $settle = [DateTime]::UtcNow.AddSeconds(5)
        while ($same -lt 5 -and [DateTime]::UtcNow -lt $settle) {
            $n = @(Get-RemoteSearchProcess).Count
            if ($n -eq $before) { $same++ } else { $same = 0; $before = $n }
            Start-Sleep -Milliseconds 100
        }
        $spread = @{
            Script = 'param($N, $U, $K, $Block) New-PowSolution -HostName $N -UserName $U -KeyFilePath $K ' +
                '-SshOption @{ StrictHostKeyChecking = "no"; UserKnownHostsFile = "/dev/null"; LogLevel = "ERROR" } ' +
                '@Block -Difficulty 10000000000 -ThreadCount 1'
            Parameters = @{ N = $names; U = $hosts[0].UserName; K = $hosts[0].KeyFilePath; Block = $block }
        }
        $r = Start-Spread @spread -Async
        Wait-SpreadRunning $r
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (@(Get-RemoteSearchProcess).Count -lt $before + 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-RemoteSearchProcess).Count | Should -Be ($before + 2) -Because 'both hosts are searching'
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $r.PowerShell.Stop()
        $stopped = $sw.Elapsed
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (@(Get-RemoteSearchProcess).Count -gt $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-RemoteSearchProcess).Count | Should -Be $before
        $stopped.TotalSeconds | Should -BeLessThan 3
        $r.PowerShell.Dispose()
    }

    It 'a host whose session does not open drops out with a warning that says what to check; the others solve' {
        $s = New-PowSolution -HostName ($names + $unopenable) @login @block -Difficulty 1000000 -ThreadCount 1 `
            -WarningVariable warnings -WarningAction SilentlyContinue
        $s | Test-PowSolution | Should -BeTrue
        $s.ComputerName | Should -BeIn $names
        $dropped = @($warnings | Where-Object { "$_" -like "Host $unopenable dropped out of the search: *" })
        $dropped.Count | Should -Be 1
        "$dropped" | Should -BeLike '*: could not open a session: *Subsystem powershell <pwsh> -sshs -NoLogo*ssh -i <key> user@host*'
    }

    It 'no session opening is AllHostsFailed with each host''s reason' {
        { New-PowSolution -HostName $unopenable @login @block -Difficulty 1000000 -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'AllHostsFailed,*' -ExpectedMessage "*: ${unopenable}: could not open a session: *"
    }

    It 'Ctrl+C while a session opens stops within a second and leaves no ssh behind' {
        # A port that takes connections and never answers: ssh waits for the server's greeting with no end.
        $silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $silent.Start()
        try {
            $port = $silent.LocalEndpoint.Port
            $ssh = { @(Get-Process ssh -ErrorAction Ignore | Where-Object { $_.CommandLine -match "\b$port\b" }) }
            $spread = @{
                Script = 'param($N, $Login, $Block) New-PowSolution -HostName $N @Login @Block -Difficulty 1000000'
                Parameters = @{ N = "127.0.0.1:$port"; Login = $login; Block = $block }
            }
            $r = Start-Spread @spread -Async
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((& $ssh).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            (& $ssh).Count | Should -Be 1 -Because 'ssh is waiting for the greeting'
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $r.PowerShell.Stop()
            $sw.Elapsed.TotalSeconds | Should -BeLessThan 1
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while ((& $ssh).Count -gt 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            (& $ssh).Count | Should -Be 0
            $r.PowerShell.Dispose()
        }
        finally { $silent.Stop() }
    }
}

Describe 'Spread search online' {
    BeforeAll {
        $node = Start-DevNode -Arguments @('--block-ms', '1000', '--subnet', '1:20000', '--subnet', '3:10000000000000')
        $endpoint = $node.Endpoint
        Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
        $walletRoot = Join-Path $TestDrive 'wallets'
        Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
        $w = @{ Wallet = 'default'; WalletHotkey = 'default'; WalletPath = $walletRoot }
    }
    AfterAll { if ($node) { Stop-DevNode $node } }

    It 'every host follows the new heads itself; the solution is fresh' {
        $start = (Get-SubtensorBlock -Endpoint $endpoint).Number
        $spread = @{
            Script = 'param($Session, $E, $H) New-PowSolution -Session $Session -NetUid 3 -Endpoint $E -Hotkey $H ' +
                '-ThreadCount 1 -TimeoutSec 60 -Verbose'
            Parameters = @{ Session = $sessions; E = $endpoint; H = $alice }
        }
        $r = Start-Spread @spread -Async
        try {
            # Until every host has moved onto a new head by itself (a fixed wait once raced a slow host's start).
            $moved = { param($n) @($r.PowerShell.Streams.Verbose.Message) -match ('^\[' + [regex]::Escape($n) + '\] New work: .*moved onto it') }
            $deadline = [DateTime]::UtcNow.AddSeconds(45)
            while (@($names | Where-Object { -not (& $moved $_) }).Count -gt 0 -and -not $r.Async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            Invoke-DevRpc $endpoint dev_setDifficulty @(3, 200000) | Out-Null
            Invoke-DevRpc $endpoint dev_produceBlock @(1) | Out-Null
            $r = Wait-Runspace $r -TimeoutSec 60
            $s = @($r.Output)[0]
            $s | Should -Not -BeNullOrEmpty
            $s.Difficulty | Should -Be 200000
            $s.BlockNumber | Should -BeGreaterThan $start
            $s.ComputerName | Should -BeIn $names
            $verbose = @($r.PowerShell.Streams.Verbose.Message)
            foreach ($n in $names) {
                $verbose -match ('^\[' + [regex]::Escape($n) + '\] New work: .*moved onto it') |
                    Should -Not -BeNullOrEmpty -Because "$n follows the heads"
            }
            $d = $s | Test-PowSolution -Detailed
            $d.IsValid | Should -BeTrue
        }
        finally { Invoke-DevRpc $endpoint dev_setDifficulty @(3, 10000000000000) | Out-Null; $r.PowerShell.Dispose() }
    }

    It 'solves pow_register online on a spec-475 node: each host gets the scheme and the coldkey, the winner is checked here' {
        $finney = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '1000', '--subnet', '1:200000:pow=on')
        try {
            $s = New-PowSolution -Session $sessions -NetUid 1 -Endpoint $finney.Endpoint @w -ThreadCount 1 -TimeoutSec 60 -DifficultyMargin 1.26
            $s.Scheme | Should -Be 'PowRegisterV1'
            $s.DifficultyMargin | Should -Be 1.26
            $s.Difficulty | Should -Be 252000 -Because 'each host solves for the chain''s 200,000 × 1.26'
            $s.NetUid | Should -Be 1
            $s.ComputerName | Should -BeIn $names
            $s.ColdkeyPublicKey | Should -Be (Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json).publicKey
            ($s | Test-PowSolution -Endpoint $finney.Endpoint -Detailed).IsValid | Should -BeTrue
        }
        finally { Stop-DevNode $finney }
    }

    It '-TimeoutSec bounds the coordinator''s own connection too: RpcTimeout naming the connecting phase' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $quiet = "ws://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $t = [Diagnostics.Stopwatch]::StartNew()
            $e = { New-PowSolution -Session $sessions -NetUid 1 -Endpoint $quiet -Hotkey $alice -ThreadCount 1 -TimeoutSec 3 -ErrorAction Stop } |
                Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $t.Elapsed.TotalSeconds | Should -BeLessThan 8
            $e.Exception.Message | Should -Match "^-TimeoutSec 3 ran out while connecting to $([regex]::Escape($quiet))"
        }
        finally { $silent.Stop() }
    }

    It 'Register-SubtensorNeuron -Session solves across the hosts and registers' {
        $r = Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @w -Session $sessions -ThreadCount 1 -Confirm:$false -Verbose 4>&1 |
            Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $r.Status | Should -Be 'Registered'
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '^\[127\.0\.0\.1:\d+\] found nonce' |
            Should -Not -BeNullOrEmpty
    }
}

Describe 'New-PowSolution -NonceCount' {
    It 'never leaves its range: NonceRangeExhausted when the range holds no solution' {
        { New-PowSolution @block -Difficulty ([uint64]::MaxValue) -NonceStart 0 -NonceCount 100000 -ThreadCount 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'NonceRangeExhausted,*'
    }
    It 'NonceCount 0 is InvalidNonceCount' {
        { New-PowSolution @block -Difficulty 1000 -NonceCount 0 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidNonceCount,*'
    }
}

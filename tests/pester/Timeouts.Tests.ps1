# -TimeoutSec bounds connecting and every RPC: a node that accepts TCP connections but never answers cannot outlast it.
# New-PowSolution and Get-SubtensorBlock: the whole call. Register-SubtensorNeuron and Request-SubtensorFaucet: each
# attempt (each drip), from its start to inclusion. Test-PowSolution -Endpoint: each solution's check. Each limit is
# far below the RPC's own timeouts (30 s), so the message shows which one ended it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Listening, never accepting: the kernel completes the TCP handshake and nothing ever answers the WebSocket one.
    $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $silent.Start()
    $endpoint = "ws://127.0.0.1:$($silent.LocalEndpoint.Port)"
    $hotkey = ((Get-PowVectors).solves | Where-Object id -eq 'solve-1').hotkeySs58
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $password = ConvertTo-SecureString 'thisisafakepassword' -AsPlainText -Force
    # A node that takes transactions into its pool and never makes a block (one an hour); one call first, so that the
    # limits below are not spent on the node's own start-up.
    $stuck = Start-DevNode -Arguments @('--block-ms', '3600000', '--subnet', '1:1000')
    Get-SubtensorBlock -Endpoint $stuck.Endpoint | Out-Null
    # An unencrypted coldkey (btcli --no-use-password; the shared hotkey file is one): unlocking an encrypted one takes
    # seconds of CPU that are no part of a drip, and would only blur the bound checked below.
    New-Item -ItemType Directory (Join-Path $walletRoot 'plain/hotkeys') -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/coldkey')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') (Join-Path $walletRoot 'plain/coldkeypub.txt')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/hotkeys/default')
}
AfterAll {
    if ($silent) { $silent.Stop() }
    if ($stuck) { Stop-DevNode $stuck }
}

Describe '-TimeoutSec against a node that never answers' {
    It '<Name> -TimeoutSec 3 ends within 8 s with RpcTimeout naming the connecting phase' -ForEach @(
        @{ Name = 'New-PowSolution'; Call = { New-PowSolution -NetUid 1 -Endpoint $endpoint -Hotkey $hotkey -TimeoutSec 3 -ErrorAction Stop } }
        @{ Name = 'Register-SubtensorNeuron'; Call = {
                $wallet = @{ Wallet = 'default'; WalletPath = $walletRoot }
                Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint @wallet -TimeoutSec 3 -Confirm:$false -ErrorAction Stop
            } }
        @{ Name = 'Request-SubtensorFaucet'; Call = {
                $wallet = @{ Wallet = 'default'; WalletPath = $walletRoot; Password = $password }
                Request-SubtensorFaucet -Endpoint $endpoint @wallet -TimeoutSec 3 -Confirm:$false -ErrorAction Stop
            } }
        @{ Name = 'Get-SubtensorBlock'; Call = { Get-SubtensorBlock -Endpoint $endpoint -TimeoutSec 3 -ErrorAction Stop } }
        @{ Name = 'Test-PowSolution -Endpoint'; Call = {
                $solution = @{ BlockHash = ('0x' + '11' * 32); BlockNumber = 1; Difficulty = 1; Hotkey = $hotkey; Nonce = 1 }
                Test-PowSolution @solution -Endpoint $endpoint -TimeoutSec 3 -ErrorAction Stop
            } }
    ) {
        $t = [Diagnostics.Stopwatch]::StartNew()
        $e = $Call | Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
        $t.Elapsed.TotalSeconds | Should -BeLessThan 8
        $e.Exception.Message | Should -Match "^-TimeoutSec 3 ran out while connecting to $([regex]::Escape($endpoint))"
    }
}

Describe '-TimeoutSec against a node that stops answering once connected' {
    BeforeAll {
        $mute = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:1000')
        $head = Get-SubtensorBlock -Endpoint $mute.Endpoint
    }
    AfterAll { if ($mute) { Stop-DevNode $mute } }

    It 'Get-SubtensorBlock -TimeoutSec 2 ends within 6 s with RpcTimeout naming the connecting phase; the next call answers' {
        Invoke-DevRpc $mute.Endpoint dev_setDelay @([int]::MaxValue) | Out-Null
        try {
            $t = [Diagnostics.Stopwatch]::StartNew()
            $e = { Get-SubtensorBlock -Endpoint $mute.Endpoint -NetUid 1 -TimeoutSec 2 -ErrorAction Stop } |
                Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $t.Elapsed.TotalSeconds | Should -BeLessThan 6
            # Connecting reads the runtime: the first unanswered call is there.
            $e.Exception.Message |
                Should -Match "^-TimeoutSec 2 ran out while connecting to $([regex]::Escape($mute.Endpoint)) and reading its runtime\.$"
            "$($e.CategoryInfo.Category)" | Should -Be 'OperationTimeout'
            $e.ErrorDetails.RecommendedAction | Should -Match 'bounds the whole call'
        }
        finally { Invoke-DevRpc $mute.Endpoint dev_setDelay @(0) | Out-Null }
        (Get-SubtensorBlock -Endpoint $mute.Endpoint -NetUid 1 -TimeoutSec 5).Hash | Should -Be $head.Hash
    }

    It 'Get-SubtensorBlock names the read that ran out: <Read>' -ForEach @(
        @{ Read = 'the head'; Methods = @('chain_getHeader'); Arguments = @{}; Expected = 'reading the head from {0}\.$' }
        @{ Read = 'a numbered block'; Methods = @('chain_getHeader'); Arguments = @{ Number = 0 }; Expected = 'reading block 0 from {0}\.$' }
        @{ Read = 'the subnet'; Methods = @('state_getStorage', 'state_queryStorageAt'); Arguments = @{ NetUid = 1 }
            Expected = 'reading subnet 1 at block \d+ from {0}\.$' }
    ) {
        # Only these methods go unanswered: connecting and reading the runtime succeed first.
        Invoke-DevRpc $mute.Endpoint dev_setDelay @([int]::MaxValue, $Methods) | Out-Null
        try {
            $t = [Diagnostics.Stopwatch]::StartNew()
            $e = { Get-SubtensorBlock -Endpoint $mute.Endpoint -TimeoutSec 2 @Arguments -ErrorAction Stop } |
                Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $t.Elapsed.TotalSeconds | Should -BeLessThan 6
            $e.Exception.Message | Should -Match ('^-TimeoutSec 2 ran out while ' + ($Expected -f [regex]::Escape($mute.Endpoint)))
        }
        finally { Invoke-DevRpc $mute.Endpoint dev_setDelay @(0) | Out-Null }
    }

    It 'Get-SubtensorSubnet names the read that ran out: <Read>' -ForEach @(
        @{ Read = 'the subnet list'; Methods = @('state_getKeysPaged'); Arguments = @{}; Expected = 'listing the subnets at block \d+ from {0}\.$' }
        @{ Read = 'the batched values'; Methods = @('state_queryStorageAt'); Arguments = @{ NetUid = 1 }
            Expected = 'reading 1 subnet\(s\) at block \d+ from {0}\.$' }
    ) {
        Invoke-DevRpc $mute.Endpoint dev_setDelay @([int]::MaxValue, $Methods) | Out-Null
        try {
            $t = [Diagnostics.Stopwatch]::StartNew()
            $e = { Get-SubtensorSubnet -Endpoint $mute.Endpoint -TimeoutSec 2 -HashRate 1 @Arguments -ErrorAction Stop } |
                Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $t.Elapsed.TotalSeconds | Should -BeLessThan 6
            $e.Exception.Message | Should -Match ('^-TimeoutSec 2 ran out while ' + ($Expected -f [regex]::Escape($mute.Endpoint)))
        }
        finally { Invoke-DevRpc $mute.Endpoint dev_setDelay @(0) | Out-Null }
    }

    It 'Test-PowSolution -TimeoutSec 2 bounds the check of a piped solution: RpcTimeout within 6 s; the next call answers' {
        $solution = [pscustomobject]@{
            BlockHash = $head.Hash; BlockNumber = $head.Number; Difficulty = 1; Hotkey = $hotkey; Nonce = 1; Endpoint = $mute.Endpoint
        }
        Invoke-DevRpc $mute.Endpoint dev_setDelay @([int]::MaxValue) | Out-Null
        try {
            $t = [Diagnostics.Stopwatch]::StartNew()
            $e = { $solution | Test-PowSolution -TimeoutSec 2 -ErrorAction Stop } | Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $t.Elapsed.TotalSeconds | Should -BeLessThan 6
            $e.Exception.Message | Should -Match "^-TimeoutSec 2 ran out while connecting to $([regex]::Escape($mute.Endpoint))"
            $e.ErrorDetails.RecommendedAction | Should -Match "bounds each solution's check"
        }
        finally { Invoke-DevRpc $mute.Endpoint dev_setDelay @(0) | Out-Null }

        $solution | Test-PowSolution -Detailed -TimeoutSec 5 | ForEach-Object CurrentBlock | Should -Be $head.Number
        # Connected, then the head goes unanswered: the message names that read.
        Invoke-DevRpc $mute.Endpoint dev_setDelay @([int]::MaxValue, @('chain_getHeader')) | Out-Null
        try {
            $e = { $solution | Test-PowSolution -TimeoutSec 2 -ErrorAction Stop } | Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
            $e.Exception.Message | Should -Be "-TimeoutSec 2 ran out while reading the head from $($mute.Endpoint)."
        }
        finally { Invoke-DevRpc $mute.Endpoint dev_setDelay @(0) | Out-Null }
    }
}

Describe '-TimeoutSec against a node that never includes' {
    It '<Name> -TimeoutSec <Limit> ends within <Limit> + 5 s with SubmissionTimeout naming the wait for inclusion' -ForEach @(
        # Room, on a busy machine, to connect, solve and submit before the wait: difficulty 1,000 for register, the
        # faucet's 1,000,000 for a drip.
        @{ Name = 'Register-SubtensorNeuron'; Limit = 5; Call = 'SubtensorModule\.register'
            Run = {
                $wallet = @{ Wallet = 'plain'; WalletPath = $walletRoot }
                Register-SubtensorNeuron -NetUid 1 -Endpoint $stuck.Endpoint @wallet -TimeoutSec 5 -Confirm:$false -ErrorAction Stop
            } }
        @{ Name = 'Request-SubtensorFaucet'; Limit = 6; Call = 'SubtensorModule\.faucet'
            Run = {
                $wallet = @{ Wallet = 'plain'; WalletPath = $walletRoot }
                Request-SubtensorFaucet -Endpoint $stuck.Endpoint @wallet -TimeoutSec 6 -Confirm:$false -ErrorAction Stop
            } }
    ) {
        $t = [Diagnostics.Stopwatch]::StartNew()
        $e = $Run | Should -Throw -PassThru
        $e.Exception.Message | Should -Match "^-TimeoutSec $Limit ran out while waiting for inclusion of $Call\(.*\) 0x[0-9a-f]{64} in a block\.$"
        $e.FullyQualifiedErrorId | Should -BeLike 'SubmissionTimeout,*'
        $t.Elapsed.TotalSeconds | Should -BeLessThan ($Limit + 5)
        "$($e.CategoryInfo.Category)" | Should -Be 'OperationTimeout'
        $e.ErrorDetails.RecommendedAction | Should -Match 'may still be included'
    }
}

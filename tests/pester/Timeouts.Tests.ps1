# -TimeoutSec bounds connecting and every RPC: a node that accepts TCP connections but never answers cannot outlast it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Listening, never accepting: the kernel completes the TCP handshake and nothing ever answers the WebSocket one.
    $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $silent.Start()
    $endpoint = "ws://127.0.0.1:$($silent.LocalEndpoint.Port)"
    $hotkey = ((Get-PowVectors).solves | Where-Object id -eq 'solve-1').hotkeySs58
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
}
AfterAll { if ($silent) { $silent.Stop() } }

Describe '-TimeoutSec against a node that never answers' {
    It '<Name> -TimeoutSec 2 ends within a few seconds with RpcTimeout naming the connecting phase' -ForEach @(
        @{ Name = 'New-PowSolution'; Call = { New-PowSolution -NetUid 1 -Endpoint $endpoint -Hotkey $hotkey -TimeoutSec 2 -ErrorAction Stop } }
        @{ Name = 'Register-SubtensorNeuron'; Call = { Register-SubtensorNeuron -NetUid 1 -Endpoint $endpoint -Wallet default -WalletPath $walletRoot -TimeoutSec 2 -Confirm:$false -ErrorAction Stop } }
        @{ Name = 'Request-SubtensorFaucet'; Call = { Request-SubtensorFaucet -Endpoint $endpoint -Wallet default -WalletPath $walletRoot -TimeoutSec 2 -Confirm:$false -ErrorAction Stop } }
    ) {
        $t = [Diagnostics.Stopwatch]::StartNew()
        $e = $Call | Should -Throw -ErrorId 'RpcTimeout,*' -PassThru
        $t.Elapsed.TotalSeconds | Should -BeLessThan 6
        $e.Exception.Message | Should -Match "-TimeoutSec 2 ran out while connecting to $([regex]::Escape($endpoint))"
    }
}

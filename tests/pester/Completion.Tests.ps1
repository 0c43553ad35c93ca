# Tab completion of wallet names, hotkeys, endpoints, networks and device ids (through TabExpansion2, as the console does).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $root = Join-Path $TestDrive 'wallets'
    foreach ($w in 'alpha', 'beta') {
        New-Item -ItemType Directory (Join-Path $root "$w/hotkeys") -Force | Out-Null
        foreach ($h in 'h1', 'h2') { Set-Content (Join-Path $root "$w/hotkeys/$h") '{}'; Set-Content (Join-Path $root "$w/hotkeys/${h}pub.txt") '{}' }
    }
    # The current folder holds files too: completion must not offer them instead of wallets.
    Push-Location $TestDrive
    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }
}
AfterAll { Pop-Location }

Describe 'Argument completers' {
    It '-Wallet completes the wallets under -WalletPath' {
        Complete "New-PowSolution -WalletPath '$root' -Wallet a" | Should -Be @('alpha')
        Complete "Register-SubtensorNeuron -WalletPath '$root' -Wallet " | Should -Be @('alpha', 'beta')
    }

    It '-Wallet follows BT_WALLET_PATH when -WalletPath is not given' {
        $saved = $env:BT_WALLET_PATH
        try { $env:BT_WALLET_PATH = $root; Complete 'Request-SubtensorFaucet -Wallet b' | Should -Be @('beta') }
        finally { $env:BT_WALLET_PATH = $saved }
    }

    It '-WalletHotkey completes the hotkeys of the wallet given, not their pub.txt files' {
        Complete "New-PowSolution -WalletPath '$root' -Wallet beta -WalletHotkey " | Should -Be @('h1', 'h2')
    }

    It 'Get-BittensorWallet -Name completes wallet names' {
        Complete "Get-BittensorWallet -WalletPath '$root' -Name " | Should -Be @('alpha', 'beta')
    }

    It '-Endpoint offers BT_SUBTENSOR_CHAIN_ENDPOINT first, then the known networks' {
        $saved = $env:BT_SUBTENSOR_CHAIN_ENDPOINT
        try {
            $env:BT_SUBTENSOR_CHAIN_ENDPOINT = 'ws://10.1.2.3:9944'
            $all = Complete 'Get-SubtensorBlock -Endpoint '
            $all | Should -Contain 'ws://10.1.2.3:9944'
            $all | Should -Contain 'ws://127.0.0.1:9944'
            $all | Should -Contain 'wss://entrypoint-finney.opentensor.ai:443'
            Complete 'Register-SubtensorNeuron -Endpoint wss://test' | Should -Be @('wss://test.finney.opentensor.ai:443')
        }
        finally { $env:BT_SUBTENSOR_CHAIN_ENDPOINT = $saved }
    }

    It '-Network completes the network names' {
        Complete 'New-PowSolution -NetUid 1 -Network f' | Should -Be @('finney')
    }

    It '-DeviceId completes the ids of the devices present of the kind asked for' {
        $expected = @((Get-PowDevice -Kind IlgpuCpu).Id | ForEach-Object { "$_" } | Sort-Object -Unique)
        $expected.Count | Should -BeGreaterThan 0
        Complete 'New-PowSolution -Backend IlgpuCpu -DeviceId ' | Should -Be $expected
        # None on a machine without CUDA: then nothing is offered (no file names either).
        (Complete 'New-PowSolution -Cuda -DeviceId ') -join ',' |
            Should -Be ((@(Get-PowDevice -Kind Cuda).Id | ForEach-Object { "$_" } | Sort-Object -Unique) -join ',')
    }
}

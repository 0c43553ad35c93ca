# A long pipeline against one node: Test-PowSolution keeps one connection per endpoint for the whole pipeline.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $alice = (Get-PowVectors).keys.alice.ss58_42
    # Blocks only on demand, so the head stays put and every solution stays inside the window.
    $node = Start-DevNode -Arguments @('--block-ms', '0')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Test-PowSolution over a long pipeline' {
    It '1,000 solutions against one node: 1,000 verdicts over one connection' {
        $head = Get-SubtensorBlock -Endpoint $endpoint
        # Difficulty 1: every seal passes, so each $true also says "not stale" (judged against the node's head).
        $solutions = foreach ($n in 1..1000) {
            [pscustomobject]@{ BlockHash = $head.Hash; BlockNumber = $head.Number; Difficulty = 1; Hotkey = $alice; Nonce = $n
                SealByteOrder = 'LittleEndian'; Endpoint = $endpoint }
        }
        $before = (Invoke-DevRpc $endpoint dev_connectionStats).accepted
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $verdicts = @($solutions | Test-PowSolution)
        $clock.Stop()
        $after = (Invoke-DevRpc $endpoint dev_connectionStats).accepted

        $verdicts.Count | Should -Be 1000
        @($verdicts | Where-Object { $_ -ne $true }).Count | Should -Be 0
        # The pipeline's one connection, plus the dev_connectionStats call that read $after.
        ($after - $before) | Should -Be 2
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'a stale solution in the same pipeline is $false, on the same connection' {
        $head = Get-SubtensorBlock -Endpoint $endpoint
        $before = (Invoke-DevRpc $endpoint dev_connectionStats).accepted
        $verdicts = @(
            [pscustomobject]@{
                BlockHash = $head.Hash; BlockNumber = $head.Number; Difficulty = 1; Hotkey = $alice; Nonce = 1; Endpoint = $endpoint
            }
            [pscustomobject]@{
                BlockHash = $head.Hash; BlockNumber = $head.Number - 2; Difficulty = 1; Hotkey = $alice; Nonce = 1; Endpoint = $endpoint
            }
        ) | Test-PowSolution
        $after = (Invoke-DevRpc $endpoint dev_connectionStats).accepted
        $verdicts | Should -Be @($true, $false)
        ($after - $before) | Should -Be 2
    }
}

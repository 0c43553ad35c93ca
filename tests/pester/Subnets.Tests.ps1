# Get-SubtensorSubnet against the DevNode: the fields are what the chain was started with, -PowOpen and -NetUid filter,
# and the default view fits 80 columns.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Add-Type -Path (Join-Path (Get-TestModulePath) 'BittensorPow.Subtensor.dll')
    # Difficulty 1000·u; PoW off on 3 and 6; burn registration off on 2; subnet 5 has two neurons.
    $specs = foreach ($u in 1..6) { @{ NetUid = $u; Difficulty = 1000 * $u; Pow = $u % 3 -ne 0; Burn = $u -ne 2 } }
    $arguments = @('--block-ms', '0')
    foreach ($s in $specs) {
        $arguments += '--subnet', ("$($s.NetUid):$($s.Difficulty):pow=$(if ($s.Pow) { 'on' } else { 'off' })" +
            ":reg=$(if ($s.Burn) { 'on' } else { 'off' })")
    }
    $keys = (Get-PowVectors).keys
    $arguments += '--registered', "5:$($keys.alice.ss58_42)", '--registered', "5:$($keys.bob.ss58_42)"
    $node = Start-DevNode -Arguments $arguments
    $all = @(Get-SubtensorSubnet -Endpoint $node.Endpoint -HashRate 1000)
}

AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Get-SubtensorSubnet' {
    It 'lists every subnet, the root one included, sorted by NetUid' {
        $all.NetUid | Should -Be @(0, 1, 2, 3, 4, 5, 6)
    }

    It 'subnet <NetUid>: PowOpen, BurnOpen, Difficulty and the estimate are what the chain holds' -ForEach @(
        1..6 | ForEach-Object { @{ NetUid = $_ } }) {
        $spec = $specs | Where-Object NetUid -eq $NetUid
        $row = $all | Where-Object NetUid -eq $NetUid
        $row.PowOpen | Should -Be $spec.Pow
        $row.BurnOpen | Should -Be $spec.Burn
        $row.Difficulty | Should -Be $spec.Difficulty
        $row.EstimatedSolveTime | Should -Be ([TimeSpan]::FromSeconds($spec.Difficulty / 1000))
        $row.HashRateSource | Should -Be 'given'
        $row.Neurons | Should -Be $(if ($NetUid -eq 5) { 2 } else { 0 })
        "$($row.Scheme)" | Should -Be 'Legacy' -Because 'the DevNode runs spec 218, whose register checks the legacy seal'
    }

    It 'reads the values a subnet owner sets: MaxAllowedUids, Burn, MaxRegistrationsPerBlock' {
        # SCALE little-endian: u16 512, u64 1.5 TAO in rao, u16 3; none of them the runtime's default. Seen from the next block on.
        $prefix = {
            param($item)
            '0x' + -join ([BittensorPow.Subtensor.Storage.StorageKey]::Prefix('SubtensorModule', $item) |
                    ForEach-Object { $_.ToString('x2') })
        }
        Invoke-DevRpc $node.Endpoint dev_setStorage @(((& $prefix 'MaxAllowedUids') + '0400'), '0x0002') | Out-Null
        $burn = '0x' + -join ([BitConverter]::GetBytes([ulong]1500000000) | ForEach-Object { $_.ToString('x2') })
        Invoke-DevRpc $node.Endpoint dev_setStorage @(((& $prefix 'Burn') + '0400'), $burn) | Out-Null
        Invoke-DevRpc $node.Endpoint dev_setStorage @(((& $prefix 'MaxRegistrationsPerBlock') + '0400'), '0x0300') | Out-Null
        Invoke-DevRpc $node.Endpoint dev_produceBlock @(1) | Out-Null
        $four = Get-SubtensorSubnet -Endpoint $node.Endpoint -NetUid 4 -HashRate 1
        $four.MaxNeurons | Should -Be 512
        $four.Burn | Should -Be 1.5
        $four.MaxRegistrationsPerBlock | Should -Be 3
    }

    It '-PowOpen keeps only subnets open to registration by work' {
        (Get-SubtensorSubnet -Endpoint $node.Endpoint -PowOpen -HashRate 1000).NetUid | Should -Be @(1, 2, 4, 5)
    }

    It '-NetUid lists only those (also piped), and a missing one is an error beside the others' {
        $errors = $null
        $r = @([pscustomobject]@{ NetUid = 6 }, [pscustomobject]@{ NetUid = 2 }, [pscustomobject]@{ NetUid = 99 } |
            Get-SubtensorSubnet -Endpoint $node.Endpoint -HashRate 1000 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $r.NetUid | Should -Be @(2, 6)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SubnetNotFound,*'
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'without -NetUid'
    }

    It 'measures the back end once when no rate is given, and says so' {
        $verbose = Get-SubtensorSubnet -Endpoint $node.Endpoint -NetUid 1, 2 -ThreadCount 1 -Verbose 4>&1
        $rows = @($verbose | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.SubtensorSubnet] })
        $rows.Count | Should -Be 2
        @($verbose | Where-Object { "$_" -match '^Measured ' }).Count | Should -Be 1
        $rows[0].HashRate | Should -BeGreaterThan 0
        $rows[0].HashRate | Should -Be $rows[1].HashRate
        $rows[1].EstimatedSolveTime.TotalSeconds | Should -BeGreaterThan $rows[0].EstimatedSolveTime.TotalSeconds
    }

    It 'the default view keeps every column within 80 columns, even for the largest values' {
        $big = [BittensorPow.Cmdlets.Output.SubtensorSubnet]@{ NetUid = 65535; PowOpen = $true; BurnOpen = $true; Difficulty = [ulong]::MaxValue / 4
            Burn = 123456.123456789; RegistrationsThisBlock = 65535; MaxRegistrationsPerBlock = 65535; Neurons = 65535; MaxNeurons = 65535
            EstimatedSolveTime = [TimeSpan]::MaxValue }
        $lines = @((@($all) + $big | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*NetUid\s+PoW\s+Burn\s+Difficulty\s+BurnTAO\s+Regs\s+Neurons\s+EstSolve\s*$'
        $lines[3] | Should -Match '^\s*1\s+open\s+open\s+1,000\s+1\s+0/\d+\s+0/\d+\s+1s\s*$'
        $lines[-1] | Should -Match '^\s*65535\s+open\s+open\s+4\.612E\+018\s+123456\.1235\s+65535/65535\s+65535/65535\s+>99y\s*$'
    }
}

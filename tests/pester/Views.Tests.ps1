# The default views fit an 80-column console: the key columns shown, nothing cut, the rest in Format-List.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $solve = (Get-PowVectors).solves | Where-Object id -eq 'solve-1'
    $offline = @{ BlockHash = $solve.blockHashHex; BlockNumber = 7; Difficulty = [ulong]$solve.difficulty; Hotkey = $solve.hotkeySs58 }
    $solution = New-PowSolution @offline -SealByteOrder LittleEndian -ThreadCount 1 -NonceStart 0

    function Get-Lines([string] $Text) { @($Text -split "`r?`n" | Where-Object { $_.Trim() }) }
}

Describe 'Views at 80 columns' {
    It 'a solution''s table keeps every column on one line' {
        $lines = Get-Lines ($solution | Format-Table | Out-String -Width 80)
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*NetUid\s+Block\s+Nonce\s+Seal\s+Rate\s+Elapsed\s*$'
        $lines[2] | Should -Match "\b$($solution.Nonce)\b.*Legacy LE.*[MG]H/s.*\d s\s*$"
    }

    It 'a registration''s table shows its block as a number, within 80 columns' {
        $r = [BittensorPow.Cmdlets.Output.RegistrationResult]@{
            NetUid = 1; Uid = 7; Status = 'Registered'; Hotkey = $solve.hotkeySs58; BlockNumber = 1234567
            BlockHash = '0x' + 'cd' * 32; ExtrinsicHash = '0x' + 'ab' * 32; Attempts = 1
        }
        $lines = Get-Lines ($r | Format-Table | Out-String -Width 80)
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*NetUid\s+Uid\s+Status\s+Hotkey\s+Block\s+Extrinsic\s+Error\s*$'
        $lines[2] | Should -Match '\s1234567\s+0xababababab'
        $lines[2] | Should -Not -Match '0xcdcd' -Because 'the Block column is the number, not the hash'
    }

    It 'a faucet drip shows Amount and Balance alike (1,000.00 beside 1,000.00), within 80 columns' {
        $f = [BittensorPow.Cmdlets.Output.FaucetResult]@{ Coldkey = $solve.hotkeySs58; Status = 'Funded'; Amount = 1000; Balance = 1000; WorkBlock = 5
            InclusionBlock = 6; Attempts = 1; ExtrinsicHash = '0x' + 'ab' * 32 }
        $lines = Get-Lines ($f | Format-Table | Out-String -Width 80)
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*Status\s+Try\s+Work\s+Block\s+Amount\s+Balance\s+Coldkey\s+Extrinsic\s*$'
        $lines[2] | Should -Match '\s1,000\.00\s+1,000\.00\s'
    }

    It 'a solution''s Format-List shows the rest' {
        $text = $solution | Format-List | Out-String -Width 80
        foreach ($p in 'Difficulty', 'Hotkey', 'Seal', 'Backend', 'NoncesTried', 'SealRule', 'Scheme', 'SealByteOrder') {
            $text | Should -Match "(?m)^$p\s+:"
        }
    }

    It 'Test-PowSolution -Detailed shows the whole reason at 80 columns' {
        $bad = $solution | Test-PowSolution -Difficulty ([ulong]::MaxValue) -Detailed
        $bad.IsValid | Should -BeFalse
        $bad.Reason.Length | Should -BeGreaterThan 40
        $lines = Get-Lines ($bad | Format-Table | Out-String -Width 80)
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*IsValid\s+Block\s+Order\s+Stale\s+Reason\s*$'
        # Every character of the reason is there, wrapped inside its column (a long number may break mid-way).
        $shown = ($lines |
            Select-Object -Skip 2 |
            ForEach-Object { $_.Substring([Math]::Min($_.Length, $lines[1].LastIndexOf(' ') + 1)).Trim() }) -join ' '
        ($shown -replace '\s+', '') | Should -Be ($bad.Reason -replace '\s+', '')
    }
}

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

    It 'a solution''s Format-List shows the rest' {
        $text = $solution | Format-List | Out-String -Width 80
        foreach ($p in 'Difficulty', 'Hotkey', 'Seal', 'Backend', 'NoncesTried', 'SealRule', 'Scheme', 'SealByteOrder') { $text | Should -Match "(?m)^$p\s+:" }
    }

    It 'Test-PowSolution -Detailed shows the whole reason at 80 columns' {
        $bad = $solution | Test-PowSolution -Difficulty ([ulong]::MaxValue) -Detailed
        $bad.IsValid | Should -BeFalse
        $bad.Reason.Length | Should -BeGreaterThan 40
        $lines = Get-Lines ($bad | Format-Table | Out-String -Width 80)
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^\s*IsValid\s+Block\s+Order\s+Stale\s+Reason\s*$'
        # Every character of the reason is there, wrapped inside its column (a long number may break mid-way).
        $shown = ($lines | Select-Object -Skip 2 | ForEach-Object { $_.Substring([Math]::Min($_.Length, $lines[1].LastIndexOf(' ') + 1)).Trim() }) -join ' '
        ($shown -replace '\s+', '') | Should -Be ($bad.Reason -replace '\s+', '')
    }
}

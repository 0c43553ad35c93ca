# Help that tells the truth: Get-Help against the cmdlets' own metadata for every parameter of every cmdlet, the
# about topic, and README's offline examples run as written.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-Expected($Command, $Parameter) {
        $rows = foreach ($set in $Command.ParameterSets) {
            $p = $set.Parameters | Where-Object Name -eq $Parameter.Name
            if ($p) { [pscustomobject]@{ Set = $set.Name; Mandatory = $p.IsMandatory; Position = if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' } } }
        }
        $t = $Parameter.ParameterType
        $array = $t.IsArray
        if ($array) { $t = $t.GetElementType() }
        if ([Nullable]::GetUnderlyingType($t)) { $t = [Nullable]::GetUnderlyingType($t) }
        [pscustomobject]@{
            Mandatory = @($rows.Mandatory | Sort-Object -Unique)
            Position  = @($rows.Position | Sort-Object -Unique)
            TypeName  = $t.Name + ($array ? '[]' : '')
            ByValue   = [bool]($Parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipeline })
            ByName    = [bool]($Parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName })
            AlwaysMandatory = -not ($rows | Where-Object { -not $_.Mandatory })
        }
    }
}

Describe 'Get-Help agrees with the parameter metadata' {
    Context '<Name>' -ForEach @(Get-Command -Module BittensorPow -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }) {
        It 'every parameter: Required?, Position?, type, pipeline input and default value' {
            $cmd = Get-Command $Name
            $fresh = [Activator]::CreateInstance($cmd.ImplementingType)
            $shown = @($cmd.Parameters.Values | Where-Object { $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [Parameter] -and $_.DontShow }) })
            $shown.Count | Should -BeGreaterThan 0
            foreach ($p in $shown) {
                $because = "-$($p.Name) of $Name"
                $e = Get-Expected $cmd $p
                $h = Get-Help $Name -Parameter $p.Name
                "$($h.description.Text)" | Should -Not -BeNullOrEmpty -Because $because
                # One value when every set agrees; otherwise each value with the sets it holds in.
                if ($e.Mandatory.Count -eq 1) { $h.required | Should -Be $e.Mandatory[0].ToString().ToLowerInvariant() -Because $because }
                else { $h.required | Should -Match '^(true|false) \(.+\), (true|false) \(.+\)$' -Because $because }
                if ($e.Position.Count -eq 1) { $h.position | Should -Be $e.Position[0] -Because $because }
                else { foreach ($pos in $e.Position) { $h.position | Should -Match "\b$pos \(" -Because $because } }
                $h.parameterValue | Should -Be $e.TypeName -Because $because
                $h.type.name | Should -Not -Match 'Nullable' -Because $because
                $pipe = if ($e.ByValue -and $e.ByName) { 'True (ByValue, ByPropertyName)' } elseif ($e.ByName) { 'True (ByPropertyName)' } elseif ($e.ByValue) { 'True (ByValue)' } else { 'False' }
                $h.pipelineInput | Should -Be $pipe -Because $because
                $value = $cmd.ImplementingType.GetProperty($p.Name).GetValue($fresh)
                $shownDefault = "$($h.defaultValue)"
                if ($e.AlwaysMandatory -or $null -eq $value -or ($value -is [string] -and $value -eq '')) { $shownDefault | Should -BeNullOrEmpty -Because $because }
                elseif ($value -is [switch]) { $shownDefault | Should -Be 'False' -Because $because }
                elseif ($value -is [IFormattable]) { $shownDefault | Should -Be $value.ToString($null, [cultureinfo]::InvariantCulture) -Because $because }
                else { $shownDefault | Should -Be "$value" -Because $because }
            }
        }

        It 'INPUTS names what binds from the pipeline' {
            $cmd = Get-Command $Name
            $piped = @($cmd.Parameters.Values | Where-Object { $_.Name -notin $common -and ($_.Attributes | Where-Object { $_ -is [Parameter] -and -not $_.DontShow -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) }) })
            $inputs = (Get-Help $Name -Full).inputTypes.inputType
            if ($piped.Count -eq 0) { "$($inputs.type.name)".Trim() | Should -BeNullOrEmpty; return }
            $text = ($inputs | ForEach-Object { $_.type.name; $_.description.Text }) -join ' '
            foreach ($p in $piped) { $text | Should -Match "\b$($p.Name)\b" }
        }
    }

    It 'no help page shows Nullable`1 anywhere' {
        foreach ($c in Get-Command -Module BittensorPow -CommandType Cmdlet) { Get-Help $c.Name -Full | Out-String -Width 200 | Should -Not -Match 'Nullable' }
    }
}

Describe 'about_BittensorPow' {
    It 'covers the seal rule per runtime, the runtimes that check work, the faucet, several machines and the environment' {
        $about = Get-Help about_BittensorPow | Out-String
        $about | Should -Match 'spec 271 and earlier\s+big-endian'
        $about | Should -Match 'spec 272 to 396\s+little-endian'
        $about | Should -Match 'From spec 397 on'
        $about | Should -Match 'FAUCET ON LOCAL CHAINS'
        $about | Should -Match 'SEVERAL MACHINES'
        $about | Should -Match 'WALLETS FROM NOTHING'
        foreach ($v in 'BT_SUBTENSOR_CHAIN_ENDPOINT', 'BT_SUBTENSOR_NETWORK', 'BT_WALLET_NAME', 'BT_WALLET_HOTKEY', 'BT_WALLET_PATH', 'BT_PW_') { $about | Should -Match $v }
    }
}

Describe 'README' {
    It 'the offline examples run as written' {
        $root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
        $readme = Get-Content (Join-Path $root 'README.md') -Raw
        $m = [regex]::Match($readme, '<!-- runs as written: tests/pester/Help.Tests.ps1 -->\s*```powershell\r?\n(?<code>.*?)```', 'Singleline')
        $m.Success | Should -BeTrue
        $code = $m.Groups['code'].Value
        $code | Should -Not -Match '…'
        # The one liberty: the module is imported from where this test run built it.
        $script = $code.Replace('./out/BittensorPow', "'$(Get-TestModulePath)'")
        $file = Join-Path $TestDrive 'readme-offline.ps1'
        Set-Content $file "`$ErrorActionPreference = 'Stop'`n$script"
        # Under `dotnet pwsh` the process is dotnet, which needs pwsh.dll; an installed pwsh is its own executable.
        $exe = [Environment]::ProcessPath
        $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        Push-Location $root
        try { $out = (& $exe @dll -NoProfile -NonInteractive -File $file 2>&1 | Out-String -Width 200) -replace '\e\[[0-9;]*m' }
        finally { Pop-Location }
        $LASTEXITCODE | Should -Be 0 -Because $out
        $vector = (Get-PowVectors).solves | Where-Object id -eq 'solve-1'
        $out | Should -Match "\b$($vector.smallestNonceAtOrAfterStart.chainLegacyBE.nonce)\b"
        # A script's mixed output is formatted as a list; typed at the prompt it is a table.
        $out | Should -Match '(IsValid\s+:\s+True|True\s+1\s+BigEndian)'
        $out | Should -Match 'Reason\s+:\s+valid'
    }
}

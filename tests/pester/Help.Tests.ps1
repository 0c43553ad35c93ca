# Help that tells the truth: Get-Help against the cmdlets' own metadata for every parameter of every cmdlet, the
# about topic, README's offline examples and every Get-Help -Examples example run as written (against a dev chain).
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
            if ($p) {
                [pscustomobject]@{
                    Set = $set.Name
                    Mandatory = $p.IsMandatory
                    Position = if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' }
                }
            }
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
            $shown = @($cmd.Parameters.Values | Where-Object {
                $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [Parameter] -and $_.DontShow })
            })
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
                $pipe = if ($e.ByValue -and $e.ByName) { 'True (ByValue, ByPropertyName)' }
                elseif ($e.ByName) { 'True (ByPropertyName)' }
                elseif ($e.ByValue) { 'True (ByValue)' }
                else { 'False' }
                $h.pipelineInput | Should -Be $pipe -Because $because
                $value = $cmd.ImplementingType.GetProperty($p.Name).GetValue($fresh)
                $shownDefault = "$($h.defaultValue)"
                if ($e.AlwaysMandatory -or $null -eq $value -or ($value -is [string] -and $value -eq '')) {
                    $shownDefault | Should -BeNullOrEmpty -Because $because
                }
                elseif ($value -is [switch]) { $shownDefault | Should -Be 'False' -Because $because }
                elseif ($value -is [IFormattable]) {
                    $shownDefault | Should -Be $value.ToString($null, [cultureinfo]::InvariantCulture) -Because $because
                }
                else { $shownDefault | Should -Be "$value" -Because $because }
            }
        }

        It 'INPUTS names what binds from the pipeline' {
            $cmd = Get-Command $Name
            $piped = @($cmd.Parameters.Values | Where-Object {
                $_.Name -notin $common -and ($_.Attributes | Where-Object {
                    $_ -is [Parameter] -and -not $_.DontShow -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName)
                })
            })
            $inputs = (Get-Help $Name -Full).inputTypes.inputType
            if ($piped.Count -eq 0) { "$($inputs.type.name)".Trim() | Should -BeNullOrEmpty; return }
            $text = ($inputs | ForEach-Object { $_.type.name; $_.description.Text }) -join ' '
            foreach ($p in $piped) { $text | Should -Match "\b$($p.Name)\b" }
        }
    }

    It 'OUTPUTS describes every type each cmdlet writes, and every property of the module''s own' {
        foreach ($c in Get-Command -Module BittensorPow -CommandType Cmdlet) {
            $values = @((Get-Help $c.Name -Full).returnValues.returnValue)
            foreach ($t in $c.OutputType) {
                $because = "$($c.Name) writes $($t.Name)"
                $text = @(($values | Where-Object { $_.type.name -eq $t.Name }).description.Text) -join "`n"
                $text | Should -Not -BeNullOrEmpty -Because $because
                if ($t.Type.Namespace -ne 'BittensorPow.Cmdlets.Output') { continue }
                foreach ($p in $t.Type.GetProperties()) { $text | Should -Match "(?m)^$($p.Name): \S" -Because "$because, with $($p.Name)" }
            }
        }
        (Get-Help New-PowSolution -Full).returnValues.returnValue.description.Text -join "`n" |
            Should -Match '(?m)^Each PowSearchHost:' -Because 'a property holding another output type describes that type too'
    }

    It 'SYNTAX shows -WhatIf and -Confirm exactly for the cmdlets that support ShouldProcess, in every parameter set' {
        foreach ($c in Get-Command -Module BittensorPow -CommandType Cmdlet) {
            $supports = [bool]($c.ImplementingType.GetCustomAttributes(
                    [System.Management.Automation.CmdletAttribute], $false)[0].SupportsShouldProcess)
            foreach ($item in (Get-Help $c.Name).syntax.syntaxItem) {
                $names = @($item.parameter.name)
                foreach ($n in 'WhatIf', 'Confirm') { ($n -in $names) | Should -Be $supports -Because "-$n in $($c.Name)'s SYNTAX" }
            }
            if ($supports) {
                $confirm = (Get-Help $c.Name -Parameter Confirm).description.Text
                $confirm | Should -Match 'Confirm:\$false'
                $impact = $c.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact
                $confirm | Should -Match "\b$impact-impact" -Because "-Confirm of $($c.Name) says when it asks by default"
            }
        }
        @(Get-Command -Module BittensorPow -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') }).Count |
            Should -BeGreaterOrEqual 2
    }

    It 'no help page shows Nullable`1 anywhere' {
        foreach ($c in Get-Command -Module BittensorPow -CommandType Cmdlet) {
            Get-Help $c.Name -Full | Out-String -Width 200 | Should -Not -Match 'Nullable'
        }
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
        foreach ($v in 'BT_SUBTENSOR_CHAIN_ENDPOINT', 'BT_SUBTENSOR_NETWORK', 'BT_WALLET_NAME', 'BT_WALLET_HOTKEY', 'BT_WALLET_PATH', 'BT_PW_') {
            $about | Should -Match $v
        }
    }

    It 'names only parameters the cmdlets have' {
        $about = Get-Help about_BittensorPow | Out-String
        $named = @([regex]::Matches($about, '(?<![\w-])-([A-Z][A-Za-z]+)\b') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
        # The module's cmdlets' parameters, the common ones, and Get-Help's (the topic ends with Get-Help ... -Full).
        $real = @(Get-Command -Module BittensorPow -CommandType Cmdlet | ForEach-Object { $_.Parameters.Keys }) +
            (Get-Command Get-Help).Parameters.Keys +
            [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $named.Count | Should -BeGreaterThan 10 -Because 'the topic names parameters, so the check below is not vacuous'
        @($named | Where-Object { $_ -notin $real }) | Should -BeNullOrEmpty -Because 'every -Parameter the topic names exists on a cmdlet'
        $about | Should -Not -Match 'not part of this version' -Because 'spreading a search over hosts is (README, "Several rigs")'
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

# Every example of every cmdlet's help runs as written against a dev chain (issue 20). The liberties, each one a mapping a
# reader would make: -Network finney|test|local and ws://127.0.0.1:9944 name the dev chain; -Cuda is -Backend IlgpuCpu
# (and Get-PowDevice Cuda, IlgpuCpu), the CUDA code path on ILGPU's CPU accelerator; an example about a runtime that burns
# (-MaxCost) runs against the DevNode's localnet profile (spec 425). $solution and solutions.json, which examples take as
# given, hold a fresh solution. Prompts are answered Yes (or Show) by an interactive host (PromptingHost.cs), as a user would, and a password prompt
# with the same password each time. A wallet or hotkey an example makes goes to a fresh folder or a copy of the wallets.
# Wallets: 'default' (its hotkey and an unencrypted coldkey) and 'miner' (hotkeys 'default' and 'h1', different keys
# from wallet default's, so an example that signs with the wrong wallet fails with HotkeyMismatch).
Describe 'Get-Help -Examples run as written against a dev chain' {
    BeforeDiscovery {
        # Examples that cannot run on a test machine, each with why.
        $exempt = @{
            'New-PowSolution -NetUid 1 -Network test -Cuda -DeviceId 0,1' = 'needs two GPUs (device ids 0 and 1)'
            'Request-SubtensorFaucet -Network local -Wallet dev -Password (Read-Host -AsSecureString)' =
                'reads the password from the keyboard (Read-Host)'
            "New-BittensorWallet -Name restored -Mnemonic (Read-Host -AsSecureString 'Mnemonic') -Password (Read-Host -AsSecureString 'Password')" =
                'reads a mnemonic and a password from the keyboard (Read-Host)'
        }
        $examples = foreach ($c in Get-Command -Module BittensorPow -CommandType Cmdlet) {
            $i = 0
            foreach ($e in (Get-Help $c.Name -Examples).examples.example) {
                $i++
                $code = ($e.code -join "`n").Trim()
                @{ Cmdlet = $c.Name; Number = $i; Code = $code; Exempt = $exempt[$code] }
            }
        }
    }
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
        if (-not ('BittensorPowTests.PromptingHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'PromptingHost.cs') }
        $vectors = Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json
        $keys = $vectors.sr25519_keys
        $coldkeyVector = $keys.PSObject.Properties | Where-Object Name -like 'btwallet test*' | ForEach-Object Value
        function Write-Keyfile([string] $Path, $Key) {
            New-Item -ItemType Directory (Split-Path $Path) -Force | Out-Null
            $public = if ($Key.public) { $Key.public } else { throw 'no public key' }
            @{ accountId = $public; publicKey = $public; secretSeed = $Key.mini_secret; ss58Address = ($Key.ss58_42 ?? $Key.ss58) } |
                ConvertTo-Json | Set-Content $Path
        }
        $wallets = Join-Path $TestDrive 'example-wallets'
        # default: the shared hotkey (dev_root) and an unencrypted coldkey (the btwallet test key, as coldkeypub.txt says).
        New-Item -ItemType Directory (Join-Path $wallets 'default/hotkeys') -Force | Out-Null
        Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/*') (Join-Path $wallets 'default/hotkeys')
        Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/coldkeypub.txt') (Join-Path $wallets 'default/coldkeypub.txt')
        Write-Keyfile (Join-Path $wallets 'default/coldkey') $coldkeyVector
        # miner: hotkey 'default' is the btwallet key, 'h1' is dev_root (other keys than wallet default's 'default' has).
        Write-Keyfile (Join-Path $wallets 'miner/hotkeys/default') $coldkeyVector
        Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/coldkeypub.txt') (Join-Path $wallets 'miner/coldkeypub.txt')
        Write-Keyfile (Join-Path $wallets 'miner/hotkeys/h1') $keys.dev_root
        $work = New-Item -ItemType Directory (Join-Path $TestDrive 'examples') -Force

        <# Runs one example in a fresh runspace on an interactive host that answers Yes; returns its errors and output. #>
        function Invoke-Example([string] $Code) {
            $burns = $Code -match '-MaxCost'
            $node = if ($Code -match 'hotkeys\.csv') {
                # One pow_register per subnet per block: the second row waits for a block, so blocks must come on their own.
                Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '250', '--subnet', '1:10:pow=on')
            } elseif ($burns) {
                Start-DevNode -Arguments @('--profile', 'localnet', '--block-ms', '0', '--subnet', '1:1000',
                    '--endow', "$($coldkeyVector.ss58):10000000000")
            } else { Start-DevNode -Arguments @('--block-ms', '0', '--finality-lag', '0', '--subnet', '1:10', '--subnet', '3:10') }
            $saved = @{ E = $env:BT_SUBTENSOR_CHAIN_ENDPOINT; W = $env:BT_WALLET_PATH; N = $env:BT_SUBTENSOR_NETWORK }
            # An example that makes a wallet gets a folder without one; one that adds a hotkey, its own copy of the wallets.
            $walletRoot = if ($Code -match '^New-BittensorWallet') {
                (New-Item -ItemType Directory (Join-Path $TestDrive "new-$(New-Guid)")).FullName
            }
            elseif ($Code -match '^New-BittensorHotkey') {
                $copy = Join-Path $TestDrive "copy-$(New-Guid)"; Copy-Item $wallets $copy -Recurse; $copy
            }
            else { $wallets }
            $env:BT_SUBTENSOR_CHAIN_ENDPOINT = $node.Endpoint; $env:BT_WALLET_PATH = $walletRoot; $env:BT_SUBTENSOR_NETWORK = $null
            $promptingHost = [BittensorPowTests.PromptingHost]::new()
            $promptingHost.Prompts.Answer()
            $runspace = [runspacefactory]::CreateRunspace($promptingHost)
            $runspace.Open()
            $ps = [powershell]::Create()
            $ps.Runspace = $runspace
            try {
                if ($Code -match 'Get-SubtensorBlock .*-Number (\d+)') {
                    Invoke-DevRpc $node.Endpoint dev_produceBlock @([int]$Matches[1]) | Out-Null
                }
                $run = $Code -replace '-Network (finney|test|local)\b', "-Endpoint $($node.Endpoint)"
                $run = $run -replace 'ws://127\.0\.0\.1:9944', $node.Endpoint -replace '-Cuda\b', '-Backend IlgpuCpu'
                $run = $run -replace 'Get-PowDevice Cuda', 'Get-PowDevice IlgpuCpu'
                $prelude = "Import-Module '$(Get-TestModulePath)'; Set-Location '$work'; `$ErrorActionPreference = 'Stop'"
                if ($run -match '\$solution\b') { $prelude += "; `$solution = New-PowSolution -NetUid 1" }
                if ($run -match 'hotkeys\.csv') {
                    $prelude += "; '$((Get-PowVectors).keys.alice.ss58_42)', '$((Get-PowVectors).keys.bob.ss58_42)' | " +
                        "ForEach-Object { [pscustomobject]@{ Hotkey = `$_ } } | Export-Csv hotkeys.csv"
                }
                if ($run -match 'solutions\.json') { $prelude += "; New-PowSolution -NetUid 1 | ConvertTo-Json | Set-Content solutions.json" }
                [void]$ps.AddScript("$prelude`n$run")
                $failed = $null
                $output = try { $ps.Invoke() } catch { $failed = $_ }
                [pscustomobject]@{ Run = $run; Output = @($output); Errors = @(@($ps.Streams.Error) + @($failed) | Where-Object { $_ }) }
            }
            finally {
                $ps.Dispose(); $runspace.Dispose(); Stop-DevNode $node
                $env:BT_SUBTENSOR_CHAIN_ENDPOINT = $saved.E; $env:BT_WALLET_PATH = $saved.W; $env:BT_SUBTENSOR_NETWORK = $saved.N
            }
        }
    }

    It 'finds the examples (<Count>), and each exemption is an example that exists' -ForEach @{
        Count = $examples.Count; Exempted = @($examples | Where-Object Exempt).Count
    } {
        $Count | Should -BeGreaterOrEqual 15
        $Exempted | Should -Be 3
    }

    It '<Cmdlet> example <Number>: <Code>' -ForEach $examples {
        if ($Exempt) { Set-ItResult -Skipped -Because "exempt: $Exempt"; return }
        $r = Invoke-Example $Code
        $r.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } |
            Should -BeNullOrEmpty -Because "the example runs as written (as run: $($r.Run))"
    }
}

# The -ForEach lists below are built at discovery, so the module must be loaded then too (run alone, nothing else loads it).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Join-Path (Get-TestModulePath) 'BittensorPow.psd1'
    Import-Module (Get-TestModulePath) -Force
}

Describe 'The module' {
    It 'passes Test-ModuleManifest' {
        $m = Test-ModuleManifest $manifest
        $m.Name | Should -Be 'BittensorPow'
        $m.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $listed = (Import-PowerShellDataFile $manifest).CmdletsToExport | Sort-Object
        (Get-Command -Module BittensorPow -CommandType Cmdlet).Name | Sort-Object | Should -Be $listed
    }

    Context 'Every cmdlet' -ForEach @(Get-Command -Module BittensorPow -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }) {
        It '<Name> uses an approved verb' {
            (Get-Command $Name).Verb | Should -BeIn (Get-Verb).Verb
        }
        It '<Name> declares OutputType' {
            (Get-Command $Name).OutputType | Should -Not -BeNullOrEmpty
        }
        It '<Name> reads -WalletPath from the current location, and bounds the text of wallet names and endpoints' {
            foreach ($p in (Get-Command $Name).Parameters.Values) {
                $types = @($p.Attributes | ForEach-Object { $_.GetType().Name })
                if ($p.Name -eq 'WalletPath') { $types | Should -Contain 'WalletPathAttribute' -Because "-WalletPath of $Name" }
                if ($p.Name -in 'WalletPath', 'Wallet', 'WalletHotkey', 'Endpoint') {
                    $types | Should -Contain 'BoundedTextAttribute' -Because "-$($p.Name) of $Name"
                }
            }
        }
        It '<Name> has help with a synopsis and examples' {
            $help = Get-Help $Name -Full
            $help.Synopsis | Should -Not -Match "^\s*$Name"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $walletRoot = Join-Path (Get-SharedPath) 'wallet'
    $coldpub = Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json
    $hotpub = Get-Content (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json
}

Describe 'Get-BittensorWallet' {
    It 'lists the shared wallet with its coldkey and hotkey addresses' {
        $w = Get-BittensorWallet -WalletPath $walletRoot
        $w.Name | Should -Be 'default'
        $w.ColdkeySs58 | Should -Be $coldpub.ss58Address
        $w.Hotkeys.Name | Should -Be 'default'
        $w.Hotkeys[0].Hotkey | Should -Be $hotpub.ss58Address
    }
    It '-Hotkeys pipes into New-PowSolution by property name' {
        $s = Get-BittensorWallet -WalletPath $walletRoot -Hotkeys |
            New-PowSolution -BlockHash (Get-PowVectors).blockHashes.random -BlockNumber 5 -Difficulty 500
        $s.Hotkey | Should -Be $hotpub.ss58Address
    }
    It 'a missing wallet name is a WalletNotFound error' {
        Get-BittensorWallet -WalletPath $walletRoot -Name nope -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'WalletNotFound,*'
    }
    It 'never shows a secret in any output' {
        $secret = Get-Content (Join-Path $walletRoot 'default/hotkeys/default') -Raw | ConvertFrom-Json
        $text = (Get-BittensorWallet -WalletPath $walletRoot | Format-List * | Out-String) +
            (Get-BittensorWallet -WalletPath $walletRoot -Hotkeys | Format-List * | Out-String)
        $text | Should -Not -Match ([regex]::Escape($secret.secretPhrase))
        $text | Should -Not -Match ([regex]::Escape($secret.privateKey.Substring(2, 20)))
    }
}

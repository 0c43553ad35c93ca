# -HotkeyPassword: an encrypted ($NACL) hotkey is decrypted with it and signs the register; without it, or with a
# damaged file, the error says which (a wrong password: Registration.Tests; each argon2i run costs seconds). The
# encrypted hotkey is the shared btwallet $NACL key file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $nacl = (Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json).bittensor_nacl_coldkey
    $encrypted = Join-Path $walletRoot 'default/coldkey'
    $hotkeys = Join-Path $walletRoot 'enc/hotkeys'
    New-Item -ItemType Directory $hotkeys -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/coldkeypub.txt') (Join-Path $walletRoot 'enc/coldkeypub.txt')
    Copy-Item $encrypted (Join-Path $hotkeys 'enc')
    $bytes = [IO.File]::ReadAllBytes($encrypted)
    [IO.File]::WriteAllBytes((Join-Path $hotkeys 'truncated'), $bytes[0..20])
    $encPublic = (Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json).ss58Address
    $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:1000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
    $enc = @{ Endpoint = $endpoint; NetUid = 1; Wallet = 'enc'; WalletPath = $walletRoot; Confirm = $false }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'Register-SubtensorNeuron -HotkeyPassword' {
    It 'decrypts an encrypted hotkey and registers it' {
        $pw = ConvertTo-SecureString $nacl.password -AsPlainText -Force
        $r = Register-SubtensorNeuron @enc -WalletHotkey enc -HotkeyPassword $pw
        $r.Status | Should -Be 'Registered'
        $r.Hotkey | Should -Be $encPublic
    }
    It 'without the password, where nobody can be asked, an encrypted hotkey is PasswordRequired naming its BT_PW_ variable' {
        # A runspace without a host UI: this session's own console might answer a prompt.
        $r = Invoke-InRunspace -Script ("Register-SubtensorNeuron -Endpoint $endpoint -NetUid 1 -Wallet enc -WalletPath '$walletRoot' " +
            "-WalletHotkey enc -Confirm:`$false")
        $e = $r.PowerShell.Streams.Error[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'PasswordRequired,*'
        $e.ErrorDetails.RecommendedAction | Should -Match '-HotkeyPassword'
        $e.ErrorDetails.RecommendedAction |
            Should -Match ('BT_PW_' + ((Join-Path $walletRoot 'enc/hotkeys/enc') -replace '[/.]', '_').ToUpperInvariant())
    }
    It 'a truncated $NACL hotkey says it is truncated, without running the key derivation' {
        $pw = ConvertTo-SecureString $nacl.password -AsPlainText -Force
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $e = { Register-SubtensorNeuron @enc -WalletHotkey truncated -HotkeyPassword $pw -ErrorAction Stop } |
            Should -Throw -ErrorId 'KeyfileNotJson,*' -PassThru
        "$e" | Should -Match 'truncated'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
    }
}

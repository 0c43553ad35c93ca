# New-BittensorWallet and New-BittensorHotkey as users call them. The interactive cases run on a scripted host
# (ScriptedHost.cs: it records the screen, answers the "show it now?" question and password prompts); the cases where
# nobody can see a new mnemonic run on a host without a UI and on a scripted host that refuses every question, as pwsh
# -NonInteractive does. A real console is NoConsole.Tests.ps1. Every key here is a throw-away test key.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not ('BittensorPowTests.ScriptedHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs') }
    $shared = Join-Path (Get-SharedPath) 'wallet/default'
    $devPhrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk'
    $btwalletPhrase = 'old leopard transfer rib spatial phone calm indicate online fire caution review'
    $ownerOnly = [IO.UnixFileMode]'UserRead, UserWrite'
    $ownerFolder = [IO.UnixFileMode]'UserRead, UserWrite, UserExecute'

    <# Runs $Script on a fresh ScriptedHost (set up by $Setup) with the module imported; returns the host, output and streams. #>
    function Invoke-OnHost([string] $Script, [scriptblock] $Setup = {}) {
        $h = [BittensorPowTests.ScriptedHost]::new()
        & $Setup $h.Script
        $rs = [runspacefactory]::CreateRunspace($h)
        $rs.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            [void]$ps.AddScript("Import-Module '$(Get-TestModulePath)'; $Script")
            $out = try { $ps.Invoke() } catch { $_ }
            [pscustomobject]@{
                Host = $h.Script; Output = $out; Streams = $ps.Streams
                Error = @($ps.Streams.Error) + @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            }
        }
        finally { $rs.Dispose() }
    }
    <# The mnemonics a host was shown: the indented lines of 12 or 24 words. #>
    function Get-Shown([string] $Screen) {
        @([regex]::Matches($Screen, '(?m)^    ([a-z]+(?: [a-z]+){11}(?:(?: [a-z]+){12})?)\s*$') | ForEach-Object { $_.Groups[1].Value })
    }
    function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    function Get-Tree([string] $Root) { if (Test-Path $Root) { @(Get-ChildItem $Root -Recurse -Force | ForEach-Object FullName) } else { @() } }
}

Describe 'New-BittensorWallet' {
    It 'makes the coldkey and a hotkey, shows both mnemonics once on the host, and nowhere else' {
        $root = Join-Path $TestDrive 'made'
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $r = Invoke-OnHost @"
`$VerbosePreference = 'Continue'; `$DebugPreference = 'Continue'; `$InformationPreference = 'Continue'
Start-Transcript -Path '$transcript' | Out-Null
Write-Host 'TRANSCRIPT-CONTROL'
`$w = New-BittensorWallet -Name miner -Hotkey h1 -WalletPath '$root' -Password (ConvertTo-SecureString 'pw-for-the-test' -AsPlainText -Force)
Stop-Transcript | Out-Null
`$w
`$w | Format-List * | Out-String
`$w | ConvertTo-Json -Depth 5
"@ -Setup { param($ui) $ui.AddPassword('pw-for-the-test'); $ui.AddPassword('pw-for-the-test') }
        $r.Error | Should -BeNullOrEmpty
        $w = $r.Output | Where-Object { $_ -is [BittensorPow.Cmdlets.Output.BittensorWallet] }
        $w.Name | Should -Be 'miner'
        $w.ColdkeySs58 | Should -Match '^5\w{47}$'
        $w.Hotkeys.Name | Should -Be 'h1'
        $w.Hotkeys[0].Hotkey | Should -Match '^5\w{47}$'
        @($r.Host.Asked | Where-Object { $_ -like 'New keys*' }).Count | Should -Be 1
        $shown = @(Get-Shown $r.Host.Screen)
        $shown.Count | Should -Be 2
        # The words shown make the same keys again: they are the keys' own mnemonics.
        $again = New-BittensorWallet -Name again -WalletPath (Join-Path $TestDrive 'again') -Mnemonic (Secure $shown[0]) -NoPassword
        $again.ColdkeySs58 | Should -Be $w.ColdkeySs58
        (New-BittensorHotkey -Wallet again -Name h -WalletPath (Join-Path $TestDrive 'again') -Mnemonic (Secure $shown[1])).Hotkey |
            Should -Be $w.Hotkeys[0].Hotkey

        $s = $r.Streams
        $everywhere = @(
            $r.Output | Out-String; $r.Output | ForEach-Object { "$_" }
            $s.Verbose.Message; $s.Warning.Message; $s.Debug.Message; $s.Information | Out-String
            $s.Progress | ForEach-Object { $_.StatusDescription; $_.CurrentOperation; $_.Activity }
            $s.Error | ForEach-Object { $_.ToString(); $_.Exception.ToString() }
            Get-Content $transcript -Raw
            Get-Content (Join-Path $root 'miner/coldkeypub.txt') -Raw; Get-Content (Join-Path $root 'miner/hotkeys/h1pub.txt') -Raw
            [Text.Encoding]::Latin1.GetString([IO.File]::ReadAllBytes((Join-Path $root 'miner/coldkey')))
        ) -join "`n"
        $everywhere | Should -Match 'TRANSCRIPT-CONTROL' -Because 'the transcript records host output written through Write-Host'
        $everywhere | Should -Match ([regex]::Escape($w.ColdkeySs58))
        foreach ($m in $shown) {
            $everywhere.Contains($m) | Should -BeFalse -Because 'a new mnemonic is shown on the screen only'
            $everywhere.Contains((($m -split ' ')[0..3] -join ' ')) | Should -BeFalse
        }
        # The hotkey's keyfile holds its own phrase in the clear, as btcli writes it, and nothing of the coldkey's.
        $hotkeyFile = Get-Content (Join-Path $root 'miner/hotkeys/h1') -Raw | ConvertFrom-Json
        $hotkeyFile.secretPhrase | Should -Be $shown[1]
        (Get-Content (Join-Path $root 'miner/hotkeys/h1') -Raw).Contains($shown[0]) | Should -BeFalse
        # The sealed coldkey opens with its password.
        $pair = [BittensorPow.Subtensor.Wallets.SecretKeyfile]::ReadColdkey($root, 'miner', (Secure 'pw-for-the-test'))
        try { $pair.Ss58Address | Should -Be $w.ColdkeySs58 } finally { $pair.Dispose() }
    }

    It 'writes a test wallet from a known mnemonic byte for byte as btwallet, owner-only, in folders of its own' {
        $root = Join-Path $TestDrive 'known/wallets'
        $w = New-BittensorWallet -Name dev -WalletPath $root -Mnemonic (Secure $devPhrase) -NoPassword
        $h = New-BittensorHotkey -Wallet dev -Name default -WalletPath $root -Mnemonic (Secure $devPhrase)
        $w.ColdkeySs58 | Should -Be (Get-Content (Join-Path $shared 'hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).ss58Address
        $h | Should -BeOfType ([BittensorPow.Cmdlets.Output.BittensorHotkey])
        $h.Hotkey | Should -Be $w.ColdkeySs58
        foreach ($f in 'coldkey', 'hotkeys/default') {
            [IO.File]::ReadAllBytes((Join-Path $root "dev/$f")) | Should -Be ([IO.File]::ReadAllBytes((Join-Path $shared 'hotkeys/default')))
        }
        (Get-BittensorWallet -WalletPath $root -Name dev).Hotkeys.Hotkey | Should -Be $h.Hotkey
        # The default views: one line each within 80 columns, the address whole.
        foreach ($view in ($w | Format-Table | Out-String -Width 80), ($h | Format-Table | Out-String -Width 80)) {
            $lines = @($view -split "`r?`n" | Where-Object { $_.Trim() })
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
            $lines[2] | Should -Match ([regex]::Escape($w.ColdkeySs58))
        }
        if (-not $IsWindows) {
            foreach ($f in 'coldkey', 'coldkeypub.txt', 'hotkeys/default', 'hotkeys/defaultpub.txt') {
                [IO.File]::GetUnixFileMode((Join-Path $root "dev/$f")) | Should -Be $ownerOnly
            }
            foreach ($d in 'known', 'known/wallets', 'known/wallets/dev', 'known/wallets/dev/hotkeys') {
                [IO.File]::GetUnixFileMode((Join-Path $TestDrive $d)) | Should -Be $ownerFolder
            }
        }
    }

    It 'regenerates the shared btwallet coldkey from its mnemonic and password: its coldkeypub.txt byte for byte' {
        $root = Join-Path $TestDrive 'regen'
        $pw = (Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json).bittensor_nacl_coldkey.password
        $w = New-BittensorWallet -Name r -WalletPath $root -Mnemonic (Secure $btwalletPhrase) -Password (Secure $pw)
        [IO.File]::ReadAllBytes((Join-Path $root 'r/coldkeypub.txt')) | Should -Be ([IO.File]::ReadAllBytes((Join-Path $shared 'coldkeypub.txt')))
        [IO.File]::ReadAllBytes((Join-Path $root 'r/coldkey'))[0..4] | Should -Be ([Text.Encoding]::ASCII.GetBytes('$NACL'))
        $w.ColdkeySs58 | Should -Be (Get-BittensorWallet -WalletPath (Split-Path $shared)).ColdkeySs58
    }

    It '-WhatIf names every file and writes nothing' {
        $root = Join-Path $TestDrive 'whatif'
        $r = Invoke-OnHost "New-BittensorWallet -Name w -Hotkey h -WalletPath '$root' -NoPassword -WhatIf"
        $r.Error | Should -BeNullOrEmpty
        $r.Output | Should -BeNullOrEmpty
        foreach ($f in 'w/coldkey', 'w/coldkeypub.txt', 'w/hotkeys/h', 'w/hotkeys/hpub.txt') {
            $r.Host.Screen | Should -Match ([regex]::Escape((Join-Path $root $f)))
        }
        $r.Host.Asked | Should -BeNullOrEmpty
        Test-Path $root | Should -BeFalse
    }

    It 'never replaces a file without -Force: KeyfileExists, the files unchanged, no question asked' {
        $root = Join-Path $TestDrive 'exists'
        New-BittensorWallet -Name w -WalletPath $root -Mnemonic (Secure $devPhrase) -NoPassword | Out-Null
        $before = (Get-ChildItem $root -Recurse -File | Get-FileHash).Hash
        $r = Invoke-OnHost "New-BittensorWallet -Name w -Hotkey h -WalletPath '$root' -NoPassword"
        $r.Error[0].FullyQualifiedErrorId | Should -BeLike 'KeyfileExists,*'
        "$($r.Error[0].CategoryInfo.Category)" | Should -Be 'ResourceExists'
        $r.Error[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
        $r.Host.Asked | Should -BeNullOrEmpty
        Get-Shown $r.Host.Screen | Should -BeNullOrEmpty
        (Get-ChildItem $root -Recurse -File | Get-FileHash).Hash | Should -Be $before
        Test-Path (Join-Path $root 'w/hotkeys') | Should -BeFalse

        $replaced = New-BittensorWallet -Name w -WalletPath $root -Mnemonic (Secure $btwalletPhrase) -NoPassword -Force
        $replaced.ColdkeySs58 | Should -Be (Get-BittensorWallet -WalletPath (Split-Path $shared)).ColdkeySs58
        if (-not $IsWindows) { [IO.File]::GetUnixFileMode((Join-Path $root 'w/coldkey')) | Should -Be $ownerOnly }
    }

    It 'takes a relative -WalletPath from the current location, as Get-BittensorWallet does' {
        Push-Location $TestDrive
        try {
            New-BittensorWallet -Name rel -WalletPath ./relative -Mnemonic (Secure $devPhrase) -NoPassword | Out-Null
            Test-Path (Join-Path $TestDrive 'relative/rel/coldkey') | Should -BeTrue
            (Get-BittensorWallet -WalletPath ./relative).Name | Should -Be 'rel'
        }
        finally { Pop-Location }
    }

    Context 'where nobody can see a new mnemonic, none is made' {
        It 'a host without a user interface: MnemonicNotShown, statement-terminating, nothing written' {
            $root = Join-Path $TestDrive 'noui'
            $r = Invoke-InRunspace -Script @"
try { New-BittensorWallet -Name w -WalletPath '$root' -NoPassword } catch { "caught `$(`$_.FullyQualifiedErrorId)" }
New-BittensorWallet -Name w -WalletPath '$root' -NoPassword
'the next statement ran'
"@
            $text = $r.Output | Out-String
            $text | Should -Match 'caught MnemonicNotShown,'
            $text | Should -Match 'the next statement ran'
            $r.PowerShell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'MnemonicNotShown,*'
            $r.PowerShell.Streams.Error[0].ErrorDetails.RecommendedAction | Should -Match '-Mnemonic'
            Get-Tree $root | Should -BeNullOrEmpty
        }

        It 'a host that refuses every question, as -NonInteractive does: MnemonicNotShown before a word is shown' {
            $root = Join-Path $TestDrive 'refuses'
            $r = Invoke-OnHost "New-BittensorWallet -Name w -WalletPath '$root' -NoPassword" -Setup { param($ui) $ui.Refuse = $true }
            $r.Error[0].FullyQualifiedErrorId | Should -BeLike 'MnemonicNotShown,*'
            "$($r.Error[0])" | Should -Match 'NonInteractive'
            Get-Shown $r.Host.Screen | Should -BeNullOrEmpty
            Get-Tree $root | Should -BeNullOrEmpty
        }

        It 'a user who answers Cancel: MnemonicNotShown, nothing written' {
            $root = Join-Path $TestDrive 'cancel'
            $r = Invoke-OnHost "New-BittensorWallet -Name w -Hotkey h -WalletPath '$root' -NoPassword" -Setup { param($ui) $ui.Choice = '&Cancel' }
            $r.Error[0].FullyQualifiedErrorId | Should -BeLike 'MnemonicNotShown,*'
            Get-Shown $r.Host.Screen | Should -BeNullOrEmpty
            Get-Tree $root | Should -BeNullOrEmpty
        }

        It 'with -Mnemonic nothing needs showing, so it works there' {
            $root = Join-Path $TestDrive 'noui-given'
            $r = Invoke-InRunspace -Script ("New-BittensorWallet -Name w -WalletPath '$root' " +
                "-Mnemonic (ConvertTo-SecureString '$devPhrase' -AsPlainText -Force) -NoPassword")
            $r.PowerShell.Streams.Error | Should -BeNullOrEmpty
            $r.Output[0].ColdkeySs58 | Should -Be (Get-Content (Join-Path $shared 'hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).ss58Address
        }
    }

    Context 'the coldkey''s password' {
        It 'is asked twice; two different answers are PasswordMismatch and nothing is written' {
            $root = Join-Path $TestDrive 'mismatch'
            $r = Invoke-OnHost ("New-BittensorWallet -Name w -WalletPath '$root' " +
                "-Mnemonic (ConvertTo-SecureString '$devPhrase' -AsPlainText -Force)") -Setup {
                param($ui) $ui.AddPassword('one'); $ui.AddPassword('two') }
            $r.Error[0].FullyQualifiedErrorId | Should -BeLike 'PasswordMismatch,*'
            @($r.Host.Asked).Count | Should -Be 2
            Get-Tree $root | Should -BeNullOrEmpty
        }

        It 'where nobody can type it, is PasswordRequired without a prompt' {
            $root = Join-Path $TestDrive 'nopw'
            $r = Invoke-InRunspace -Script ("New-BittensorWallet -Name w -WalletPath '$root' " +
                "-Mnemonic (ConvertTo-SecureString '$devPhrase' -AsPlainText -Force)")
            $r.PowerShell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'PasswordRequired,*'
            $r.PowerShell.Streams.Error[0].ErrorDetails.RecommendedAction | Should -Match '-NoPassword'
            Get-Tree $root | Should -BeNullOrEmpty
        }

        It 'an empty -Password is EmptyPassword, and -Password with -NoPassword ConflictingParameters' {
            { New-BittensorWallet -Name w -WalletPath $TestDrive -Mnemonic (Secure $devPhrase) -Password ([securestring]::new()) -ErrorAction Stop } |
                Should -Throw -ErrorId 'EmptyPassword,*'
            {
                $given = @{ Name = 'w'; WalletPath = $TestDrive; Mnemonic = (Secure $devPhrase); Password = (Secure 'x') }
                New-BittensorWallet @given -NoPassword -ErrorAction Stop
            } |
                Should -Throw -ErrorId 'ConflictingParameters,*'
        }
    }

    It 'refuses names that are not one plain file name, and mnemonics that are not BIP-39, without quoting the words' {
        foreach ($name in '../escape', 'a/b', '.hidden', "tab`there") {
            { New-BittensorWallet -Name $name -WalletPath $TestDrive -Mnemonic (Secure $devPhrase) -NoPassword -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidWalletName,*'
        }
        $e = {
            New-BittensorWallet -Name bad -WalletPath $TestDrive -Mnemonic (
                Secure 'walk fit lonely race hold basket smoke curtain lake obey drive bottom') -NoPassword -ErrorAction Stop
        } |
            Should -Throw -ErrorId 'InvalidMnemonic,*' -PassThru
        "$e" | Should -Not -Match 'lonely'
        { New-BittensorWallet -Name w -WalletPath $TestDrive -WordCount 13 -NoPassword } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'New-BittensorHotkey' {
    BeforeAll {
        $root = Join-Path $TestDrive 'hk'
        New-BittensorWallet -Name w -WalletPath $root -Mnemonic (Secure $devPhrase) -NoPassword | Out-Null
    }

    It 'makes a plain hotkey in the wallet from a new mnemonic shown once, and it is listed' {
        $r = Invoke-OnHost "New-BittensorHotkey -Wallet w -Name h2 -WalletPath '$root' -WordCount 24"
        $r.Error | Should -BeNullOrEmpty
        $shown = @(Get-Shown $r.Host.Screen)
        $shown.Count | Should -Be 1
        ($shown[0] -split ' ').Count | Should -Be 24
        $file = Get-Content (Join-Path $root 'w/hotkeys/h2') -Raw | ConvertFrom-Json
        $file.secretPhrase | Should -Be $shown[0]
        $r.Output[0].Hotkey | Should -Be $file.ss58Address
        (Get-BittensorWallet -WalletPath $root -Hotkeys | Where-Object Name -eq 'h2').Hotkey | Should -Be $file.ss58Address
        ($r.Output | Out-String).Contains($shown[0]) | Should -BeFalse
        if (-not $IsWindows) { [IO.File]::GetUnixFileMode((Join-Path $root 'w/hotkeys/h2')) | Should -Be $ownerOnly }
    }

    It 'a wallet that is not there is WalletNotFound, a taken name KeyfileExists, a bad name InvalidWalletName' {
        { New-BittensorHotkey -Wallet nope -Name h -WalletPath $root -Mnemonic (Secure $devPhrase) -ErrorAction Stop } |
            Should -Throw -ErrorId 'WalletNotFound,*'
        New-BittensorHotkey -Wallet w -Name taken -WalletPath $root -Mnemonic (Secure $devPhrase) | Out-Null
        { New-BittensorHotkey -Wallet w -Name taken -WalletPath $root -Mnemonic (Secure $btwalletPhrase) -ErrorAction Stop } |
            Should -Throw -ErrorId 'KeyfileExists,*'
        (New-BittensorHotkey -Wallet w -Name taken -WalletPath $root -Mnemonic (Secure $btwalletPhrase) -Force).Hotkey |
            Should -Be (Get-BittensorWallet -WalletPath (Split-Path $shared)).ColdkeySs58
        foreach ($name in 'xpub.txt', '../x') {
            { New-BittensorHotkey -Wallet w -Name $name -WalletPath $root -Mnemonic (Secure $devPhrase) -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidWalletName,*'
        }
    }

    It '-Wallet completes the wallets under -WalletPath' {
        $line = "New-BittensorHotkey -WalletPath '$root' -Wallet "
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) |
            Should -Be @('w')
    }
}

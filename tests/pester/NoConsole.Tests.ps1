# No console, no prompt: real child pwsh processes run a script that needs the coldkey's password (the faucet), an
# encrypted hotkey's password (register) and a new mnemonic, without giving them — once with stdin redirected, once
# with -NonInteractive on a real terminal (a pty from util-linux's script). Each need is a statement-terminating
# PasswordRequired / MnemonicNotShown without any prompt text, and the script goes on. With btwallet's BT_PW_
# variables set (named and encoded as about_BittensorPow tells users to do it) both keys unlock. Last, a real
# console shows a new mnemonic on the terminal and not in the Start-Transcript file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    $password = (Get-Content (Join-Path (Get-SharedPath) 'vectors/substrate-vectors.json') -Raw | ConvertFrom-Json).bittensor_nacl_coldkey.password
    # Wallet 'enc': its hotkey is the shared $NACL file (the coldkey's password opens it).
    New-Item -ItemType Directory (Join-Path $walletRoot 'enc/hotkeys') -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/coldkeypub.txt') (Join-Path $walletRoot 'enc/coldkeypub.txt')
    Copy-Item (Join-Path $walletRoot 'default/coldkey') (Join-Path $walletRoot 'enc/hotkeys/enc')
    $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:1000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null

    # Under `dotnet pwsh` the process is dotnet, which needs pwsh.dll; an installed pwsh is its own executable.
    $exe = [Environment]::ProcessPath
    $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })

    <# btwallet's variable for a keyfile, as about_BittensorPow shows: its name from the path, the password XOR-ed with the name. #>
    function Get-PasswordVariable([string] $Keyfile, [string] $Password) {
        $name = 'BT_PW_' + ($Keyfile -replace '[/.]', '_').ToUpperInvariant()
        $key = [Text.Encoding]::UTF8.GetBytes($name)
        $bytes = [Text.Encoding]::UTF8.GetBytes($Password)
        for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = $bytes[$i] -bxor $key[$i % $key.Length] }
        @{ Name = $name; Value = [Convert]::ToBase64String($bytes) }
    }

    function New-ChildScript([string] $Name, [string] $Body) {
        $file = Join-Path $TestDrive "$Name.ps1"
        Set-Content $file @"
Import-Module '$(Get-TestModulePath)'
`$common = @{ Endpoint = '$endpoint'; WalletPath = '$walletRoot'; Confirm = `$false }
$Body
'END OF SCRIPT'
"@
        $file
    }
    # The script that needs a password, a hotkey password and a new mnemonic, and gives none.
    $needy = @"
try { Request-SubtensorFaucet @common -Wallet default } catch { "CAUGHT FAUCET `$(`$_.FullyQualifiedErrorId)" }
Request-SubtensorFaucet @common -Wallet default
'NEXT STATEMENT RAN'
try { Register-SubtensorNeuron @common -NetUid 1 -Wallet enc -WalletHotkey enc } catch { "CAUGHT REGISTER `$(`$_.FullyQualifiedErrorId)" }
try { New-BittensorWallet -Name fresh -WalletPath '$(Join-Path $TestDrive 'fresh')' -NoPassword } catch { "CAUGHT NEW `$(`$_.FullyQualifiedErrorId)" }
"@
    function Assert-Refused([string] $Out) {
        $Out | Should -Match 'CAUGHT FAUCET PasswordRequired,'
        $Out | Should -Match 'NEXT STATEMENT RAN'
        $Out | Should -Match 'CAUGHT REGISTER PasswordRequired,'
        $Out | Should -Match 'CAUGHT NEW MnemonicNotShown,'
        $Out | Should -Match 'END OF SCRIPT'
        # The uncaught one is written as an error, and the script went on.
        $Out | Should -Match 'The coldkey of wallet ''default'' is encrypted, and no password was given'
        foreach ($prompt in 'Password for ', 'Password: ', 'Show now?', 'IMPORTANT') { $Out | Should -Not -Match ([regex]::Escape($prompt)) }
        Test-Path (Join-Path $TestDrive 'fresh') | Should -BeFalse
    }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'A script without a console' {
    It 'with stdin redirected: PasswordRequired / MnemonicNotShown without a prompt, and the script goes on' {
        $file = New-ChildScript 'redirected' $needy
        $out = ('' | & $exe @dll -NoProfile -File $file 2>&1 | Out-String -Width 300) -replace '\e\[[0-9;?]*[a-zA-Z]'
        $LASTEXITCODE | Should -Be 0 -Because $out
        Assert-Refused $out
        $out | Should -Match 'input is redirected'
    }

    It 'with -NonInteractive on a real terminal: the same, and no prompt text on the terminal' -Skip:(-not $IsLinux) {
        Get-Command script -CommandType Application -ErrorAction Stop | Out-Null  # util-linux: gives the child a pty
        $file = New-ChildScript 'noninteractive' $needy
        $command = (@($exe) + $dll + @('-NoProfile', '-NonInteractive', '-File', $file) | ForEach-Object { "'$_'" }) -join ' '
        $out = ('' | & script -qec $command /dev/null 2>&1 | Out-String -Width 300) -replace '\e\[[0-9;?]*[a-zA-Z]|\e[=>]'
        $LASTEXITCODE | Should -Be 0 -Because $out
        Assert-Refused $out
        $out | Should -Match 'NonInteractive mode' -Because 'on a terminal it is the host that refuses, not the redirection check'
        $out | Should -Not -Match 'input is redirected'
    }

    It 'with btwallet''s BT_PW_ variables set, the coldkey and the encrypted hotkey unlock without a prompt' {
        $cold = Get-PasswordVariable (Join-Path $walletRoot 'default/coldkey') $password
        $hot = Get-PasswordVariable (Join-Path $walletRoot 'enc/hotkeys/enc') $password
        $file = New-ChildScript 'variables' @"
`$env:$($cold.Name) = '$($cold.Value)'
`$env:$($hot.Name) = '$($hot.Value)'
"FAUCET `$((Request-SubtensorFaucet @common -Wallet default).Status)"
"REGISTER `$((Register-SubtensorNeuron @common -NetUid 1 -Wallet enc -WalletHotkey enc).Status)"
"@
        $out = ('' | & $exe @dll -NoProfile -File $file 2>&1 | Out-String -Width 300) -replace '\e\[[0-9;?]*[a-zA-Z]'
        $LASTEXITCODE | Should -Be 0 -Because $out
        $out | Should -Match 'FAUCET Funded'
        $out | Should -Match 'REGISTER Registered'
        $out | Should -Not -Match 'Password for '
        $out.Contains($password) | Should -BeFalse
    }
}

Describe 'A real console' {
    It 'shows a new mnemonic on the terminal, after the question, and not in the Start-Transcript file' -Skip:(-not $IsLinux) {
        Get-Command script -CommandType Application -ErrorAction Stop | Out-Null
        $root = Join-Path $TestDrive 'console'
        $transcript = Join-Path $TestDrive 'console-transcript.txt'
        $file = New-ChildScript 'console' @"
Start-Transcript -Path '$transcript' | Out-Null
Write-Host 'TRANSCRIPT-CONTROL'
`$w = New-BittensorWallet -Name c -WalletPath '$root' -NoPassword
Stop-Transcript | Out-Null
"MADE `$(`$w.ColdkeySs58)"
"@
        $answer = Join-Path $TestDrive 'answer.txt'
        [IO.File]::WriteAllText($answer, "s`r")  # the key press that answers "Show now?" with Show
        $command = (@($exe) + $dll + @('-NoProfile', '-File', $file) | ForEach-Object { "'$_'" }) -join ' '
        $out = (Get-Content $answer -Raw | & script -qec $command /dev/null 2>&1 | Out-String -Width 300) -replace '\e\[[0-9;?]*[a-zA-Z]|\e[=>]'
        $LASTEXITCODE | Should -Be 0 -Because $out
        $out | Should -Match 'Show now\?'
        $made = [regex]::Match($out, 'MADE (5\w{47})').Groups[1].Value
        $made | Should -Not -BeNullOrEmpty -Because $out
        $shown = [regex]::Match($out, '(?m)^    ([a-z]+(?: [a-z]+){11})\s*$').Groups[1].Value
        $shown | Should -Not -BeNullOrEmpty -Because $out
        (Get-Content (Join-Path $root 'c/coldkey') -Raw | ConvertFrom-Json).secretPhrase | Should -Be $shown
        $recorded = Get-Content $transcript -Raw
        $recorded | Should -Match 'TRANSCRIPT-CONTROL'
        $recorded.Contains($shown) | Should -BeFalse -Because 'host UI writes are not transcribed'
        $recorded.Contains((($shown -split ' ')[0..3] -join ' ')) | Should -BeFalse
    }
}

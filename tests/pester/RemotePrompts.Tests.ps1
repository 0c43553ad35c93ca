# Prompts over PowerShell remoting (a real loopback sshd from tools/ssh): on the remote end the host is the remoting
# server's, which forwards every question and every line shown to the CLIENT's host. A client whose host answers sees
# the new mnemonic on its own screen and types the password there; a client whose host refuses (as pwsh
# -NonInteractive does) gets MnemonicNotShown / PasswordRequired, mapped from whatever the remoting host throws.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/ssh/TestSshd.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not ('BittensorPowTests.ScriptedHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs') }
    $sshHost = @(Start-TestSshd -Count 1 -ModulePath (Split-Path (Get-TestModulePath) -Parent))[0]
    $devPhrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk'

    <# Opens a session from a runspace on a ScriptedHost (so the remote end asks THIS host) and runs $Remote there. #>
    function Invoke-Remote([string] $Remote, [scriptblock] $Setup = {}) {
        $h = [BittensorPowTests.ScriptedHost]::new()
        & $Setup $h.Script
        $rs = [runspacefactory]::CreateRunspace($h)
        $rs.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            [void]$ps.AddScript(@"
`$s = New-PSSession -HostName '$($sshHost.HostName)' -Port $($sshHost.Port) -UserName '$($sshHost.UserName)' -KeyFilePath '$($sshHost.KeyFilePath)' ``
    -Options @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } -ErrorAction Stop
try { Invoke-Command -Session `$s { Import-Module BittensorPow; $Remote } } finally { Remove-PSSession `$s }
"@)
            $out = try { $ps.Invoke() } catch { $_ }
            [pscustomobject]@{
                Host = $h.Script; Output = $out
                Error = @($ps.Streams.Error) + @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            }
        }
        finally { $rs.Dispose() }
    }
}
AfterAll { if ($sshHost) { Stop-TestSshd @($sshHost) } }

Describe 'New-BittensorWallet in a remote session' {
    It 'asks the client''s host, shows the mnemonic on the client''s screen, and takes the password typed there' {
        $root = Join-Path $TestDrive 'remote'
        $r = Invoke-Remote "New-BittensorWallet -Name w -WalletPath '$root'" -Setup {
            param($ui) $ui.AddPassword('remote-pw'); $ui.AddPassword('remote-pw')
        }
        $r.Error | Should -BeNullOrEmpty
        $w = $r.Output | Where-Object { $_.PSObject.Properties['ColdkeySs58'] }
        $w.ColdkeySs58 | Should -Match '^5\w{47}$'
        @($r.Host.Asked).Count | Should -Be 3
        $shown = [regex]::Match($r.Host.Screen, '(?m)^    ([a-z]+(?: [a-z]+){11})\s*$').Groups[1].Value
        $shown | Should -Not -BeNullOrEmpty
        $mnemonic = ConvertTo-SecureString $shown -AsPlainText -Force
        (New-BittensorWallet -Name again -WalletPath (Join-Path $TestDrive 'again') -Mnemonic $mnemonic -NoPassword).ColdkeySs58 |
            Should -Be $w.ColdkeySs58
        ($r.Output | Out-String).Contains($shown) | Should -BeFalse
        [IO.File]::ReadAllBytes((Join-Path $root 'w/coldkey'))[0..4] | Should -Be ([Text.Encoding]::ASCII.GetBytes('$NACL'))
    }

    It 'a client whose host refuses: MnemonicNotShown and PasswordRequired, nothing written' {
        $root = Join-Path $TestDrive 'refused'
        $given = "New-BittensorWallet -Name w -WalletPath '$root' -Mnemonic (ConvertTo-SecureString '$devPhrase' -AsPlainText -Force)"
        $r = Invoke-Remote @"
try { New-BittensorWallet -Name w -WalletPath '$root' -NoPassword } catch { "CAUGHT `$(`$_.FullyQualifiedErrorId)" }
try { $given } catch { "CAUGHT `$(`$_.FullyQualifiedErrorId)" }
"@ -Setup { param($ui) $ui.Refuse = $true }
        $text = $r.Output | Out-String
        $text | Should -Match 'CAUGHT MnemonicNotShown,'
        $text | Should -Match 'CAUGHT PasswordRequired,'
        Test-Path $root | Should -BeFalse
    }
}

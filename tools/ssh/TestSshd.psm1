<#
.SYNOPSIS
    Loopback SSH "hosts" for the remoting tests and the spread-search benchmark: sshd instances on 127.0.0.1 with
    per-run host and user keys and a PowerShell subsystem that runs this repository's pwsh with the module reachable.
.DESCRIPTION
    sshd comes from tools/ssh/fetch-sshd.sh (.tools/ssh). Each host gets its own folder under a per-run directory:
    host key, authorized_keys, sshd_config and the subsystem wrapper. The user key is shared by all hosts of a run.
    Stop-TestSshd stops every sshd by its pid (and the per-connection sshd processes under it).
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$script:Root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Get-PwshCommandLine {
    # The pwsh running now is the repository's local tool (dotnet pwsh): run the same one, so both ends match.
    $dll = Join-Path $PSHOME 'pwsh.dll'
    $native = Join-Path $PSHOME 'pwsh'
    if ((Test-Path $native) -and -not (Test-Path $dll)) { return "'$native'" }
    "'$((Get-Command dotnet).Source)' '$dll'"
}

<#
.SYNOPSIS Starts -Count sshd instances on loopback ports; returns one object per host (Name, Port, UserName, KeyFilePath, Pid).
.PARAMETER ModulePath A folder put first on the hosts' PSModulePath (out/ holds BittensorPow); -NoModule leaves it off.
#>
function Start-TestSshd {
    param(
        [int] $Count = 2,
        [string] $ModulePath = (Join-Path $script:Root 'out'),
        [switch] $NoModule,
        [string] $Directory = (Join-Path ([IO.Path]::GetTempPath()) "bittensorpow-sshd-$PID-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
    )
    $sshd = Join-Path $script:Root '.tools/ssh/sbin/sshd'
    if (-not (Test-Path $sshd)) { throw "sshd is not under .tools/ssh; run tools/ssh/fetch-sshd.sh first." }
    New-Item -ItemType Directory -Force $Directory | Out-Null
    $userKey = Join-Path $Directory 'id_ed25519'
    if (-not (Test-Path $userKey)) {
        & ssh-keygen -q -t ed25519 -N '' -f $userKey | Out-Null
    }
    $userName = [Environment]::UserName
    $pwsh = Get-PwshCommandLine
    $started = [Collections.Generic.List[object]]::new()
    try {
        for ($i = 0; $i -lt $Count; $i++) {
            $port = Get-FreeLoopbackPort
            $dir = Join-Path $Directory "host$port"
            New-Item -ItemType Directory -Force $dir | Out-Null
            & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $dir 'host_ed25519') | Out-Null
            Copy-Item "$userKey.pub" (Join-Path $dir 'authorized_keys')
            $modulePathLine = if ($NoModule) { '' } else { "export PSModulePath='$ModulePath'" }
            # sshd gives the subsystem a bare environment; HOME and the .NET settings are set here so pwsh starts alike.
            $wrapper = Join-Path $dir 'pwsh-sshs.sh'
            @(
                '#!/bin/sh'
                "export HOME='$HOME' DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off"
                $modulePathLine
                "exec $pwsh -sshs -NoLogo -NoProfile"
            ) | Set-Content $wrapper
            chmod 755 $wrapper
            $config = Join-Path $dir 'sshd_config'
            @(
                "Port $port"
                'ListenAddress 127.0.0.1'
                "HostKey $dir/host_ed25519"
                "PidFile $dir/sshd.pid"
                "AuthorizedKeysFile $dir/authorized_keys"
                'PubkeyAuthentication yes'
                'PasswordAuthentication no'
                'KbdInteractiveAuthentication no'
                'UsePAM no'
                'PermitRootLogin prohibit-password'
                'StrictModes no'
                'MaxSessions 20'
                'MaxStartups 50'
                "Subsystem powershell $wrapper"
            ) | Set-Content $config
            $psi = [Diagnostics.ProcessStartInfo]::new($sshd)
            foreach ($a in '-D', '-e', '-f', $config, '-E', (Join-Path $dir 'sshd.log')) { $psi.ArgumentList.Add($a) }
            $psi.Environment['LD_LIBRARY_PATH'] = Join-Path $script:Root '.tools/ssh/lib'
            $psi.UseShellExecute = $false
            $process = [Diagnostics.Process]::Start($psi)
            $started.Add([pscustomobject]@{
                Name = "127.0.0.1:$port"; HostName = '127.0.0.1'; Port = $port; UserName = $userName
                KeyFilePath = $userKey; Pid = $process.Id; Process = $process; Directory = $dir; HasModule = -not $NoModule
            })
        }
        foreach ($h in $started) { Wait-TestSshdPort $h }
    }
    catch { Stop-TestSshd $started; throw }
    $started.ToArray()
}

function Wait-TestSshdPort($SshHost) {
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($SshHost.Process.HasExited) {
            throw "sshd on port $($SshHost.Port) exited: $(Get-Content (Join-Path $SshHost.Directory 'sshd.log') -Raw)"
        }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $SshHost.Port); return } catch { Start-Sleep -Milliseconds 50 } finally { $client.Dispose() }
    }
    throw "sshd on port $($SshHost.Port) did not listen within 10 s."
}

<# .SYNOPSIS Opens a PSSession to each test host (key auth, host key not checked: the keys are made per run). #>
function New-TestSshSession {
    param([Parameter(Mandatory)] [object[]] $SshHost)
    # In parallel, each from its own runspace (a session starts a pwsh on its host, which takes seconds). A runspace
    # closes the sessions it opened when it closes, so those runspaces live until Stop-TestSshd.
    $opening = foreach ($h in $SshHost) {
        $ps = [powershell]::Create()
        [void]$ps.AddCommand('New-PSSession').AddParameters(@{
            HostName = $h.HostName; Port = $h.Port; UserName = $h.UserName; KeyFilePath = $h.KeyFilePath; ErrorAction = 'Stop'
            Options = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
        })
        $script:Openers.Add($ps)
        [pscustomobject]@{ PowerShell = $ps; Async = $ps.BeginInvoke() }
    }
    foreach ($o in $opening) { $o.PowerShell.EndInvoke($o.Async) | ForEach-Object { $_ } }
}
$script:Openers = [Collections.Generic.List[powershell]]::new()

<# .SYNOPSIS The pids of the processes under sshd pid $Pid (per-connection sshd, the subsystem's pwsh, ...). #>
function Get-TestSshdDescendant([int] $ParentId) {
    $children = @(Get-ChildItem /proc -Directory -ErrorAction Ignore | Where-Object Name -match '^\d+$' | ForEach-Object {
        $stat = Get-Content (Join-Path $_.FullName 'stat') -Raw -ErrorAction Ignore
        # Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
        if ($stat -and [int](($stat.Substring($stat.LastIndexOf(')') + 2) -split ' ')[1]) -eq $ParentId) { [int]$_.Name }
    })
    foreach ($c in $children) { $c; Get-TestSshdDescendant $c }
}

<# .SYNOPSIS Stops every sshd of these hosts by its pid, and what runs under it. #>
function Stop-TestSshd {
    param([object[]] $SshHost)
    if ($script:Openers.Count -gt 0) {
        foreach ($ps in $script:Openers) { $ps.Dispose() }   # closes the sessions New-TestSshSession opened
        $script:Openers.Clear()
    }
    foreach ($h in @($SshHost)) {
        if (-not $h) { continue }
        $pids = @(Get-TestSshdDescendant $h.Pid) + $h.Pid
        foreach ($p in $pids) {
            try { [Diagnostics.Process]::GetProcessById($p).Kill() } catch [ArgumentException] { } catch [InvalidOperationException] { }
        }
        [void]$h.Process.WaitForExit(5000)
    }
}

Export-ModuleMember -Function Start-TestSshd, Stop-TestSshd, New-TestSshSession, Get-TestSshdDescendant

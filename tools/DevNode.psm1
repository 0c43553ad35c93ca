# Starts and drives the local dev chain (src/BittensorPow.DevNode) for the Pester tests.
$script:Root = Split-Path $PSScriptRoot -Parent

function Start-DevNode {
    param([string[]] $Arguments = @())
    $dll = Get-ChildItem (Join-Path $script:Root 'src/BittensorPow.DevNode/bin') -Recurse -Filter 'BittensorPow.DevNode.dll' |
        Sort-Object LastWriteTime | Select-Object -Last 1
    if (-not $dll) { throw 'The DevNode is not built; run ./build.ps1 -Task Build first.' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll.FullName, '--port', '0', '--exit-on-stdin-close') + $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or $read.Result -notmatch 'listening on (ws://\S+)') {
        $process.Kill($true)
        throw "The DevNode did not start: $($read.Result) $($process.StandardError.ReadToEnd())"
    }
    # Keep draining stdout so that the node never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; Endpoint = $Matches[1] }
}

function Stop-DevNode {
    param([Parameter(Mandatory)] $Node)
    if (-not $Node.Process.HasExited) {
        $Node.Process.StandardInput.Close()
        if (-not $Node.Process.WaitForExit(5000)) { $Node.Process.Kill($true) }
    }
}

<# Calls one JSON-RPC method on the node (dev_* control calls in the tests) and returns its result. #>
function Invoke-DevRpc {
    param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [string] $Method, [object[]] $Params = @())
    $ws = [System.Net.WebSockets.ClientWebSocket]::new()
    try {
        $cts = [System.Threading.CancellationTokenSource]::new([TimeSpan]::FromSeconds(15))
        $ws.ConnectAsync([Uri]$Endpoint, $cts.Token).Wait()
        $body = @{ jsonrpc = '2.0'; id = 1; method = $Method; params = @($Params) } | ConvertTo-Json -Compress -Depth 5
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
        $ws.SendAsync([ArraySegment[byte]]::new($bytes), 'Text', $true, $cts.Token).Wait()
        $buffer = [byte[]]::new(1MB)
        $text = [System.Text.StringBuilder]::new()
        do {
            $r = $ws.ReceiveAsync([ArraySegment[byte]]::new($buffer), $cts.Token).GetAwaiter().GetResult()
            [void]$text.Append([System.Text.Encoding]::UTF8.GetString($buffer, 0, $r.Count))
        } until ($r.EndOfMessage)
        $reply = $text.ToString() | ConvertFrom-Json
        if ($reply.PSObject.Properties['error']) { throw "RPC $Method failed: $($reply.error.message)" }
        $reply.result
    }
    finally { $ws.Dispose() }
}

Export-ModuleMember -Function Start-DevNode, Stop-DevNode, Invoke-DevRpc

# Issue 11: with -Confirm the workflow asks first, then solves, and re-checks staleness right before submitting, so a
# user who waits at the prompt while the chain moves on gets neither InvalidWorkBlock nor a stale extrinsic. The
# prompt is answered by a real interactive host (PromptingHost.cs) that holds its answer until the test has produced
# blocks; the DevNode makes blocks only on demand, so the test decides how far the chain moves during the wait.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not ('BittensorPowTests.PromptingHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'PromptingHost.cs') }

    $walletRoot = Join-Path $TestDrive 'wallets'
    Copy-Item (Join-Path (Get-SharedPath) 'wallet') $walletRoot -Recurse
    # Wallet 'plain': the shared plain hotkey keyfile as an unencrypted coldkey, so the faucet needs no password.
    New-Item -ItemType Directory (Join-Path $walletRoot 'plain/hotkeys') -Force | Out-Null
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/default') (Join-Path $walletRoot 'plain/coldkey')
    Copy-Item (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') (Join-Path $walletRoot 'plain/coldkeypub.txt')

    $node = Start-DevNode -Arguments @('--block-ms', '0', '--subnet', '1:2000')
    $endpoint = $node.Endpoint
    Invoke-DevRpc $endpoint dev_produceBlock @(2) | Out-Null
    $solvingLine = '(?i)^Solving |solving for subnet|^Nonces start'

    <# Runs $Script in a runspace on a PromptingHost; at the prompt, produces $Blocks blocks, then answers Yes. #>
    function Invoke-Confirmed([string] $Script, [int] $Blocks) {
        $promptingHost = [BittensorPowTests.PromptingHost]::new()
        $runspace = [runspacefactory]::CreateRunspace($promptingHost)
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        [void]$ps.AddScript("Import-Module '$(Get-TestModulePath)'; `$ProgressPreference = 'Continue'; $Script")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        try {
            $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $prompted = $promptingHost.Prompts.WaitForPrompt(60000)
            # What the cmdlet had done while the user was still looking at the prompt (its thread waits in the prompt).
            $verboseAtPrompt = @($ps.Streams.Verbose | ForEach-Object Message)
            $progressAtPrompt = @($ps.Streams.Progress | ForEach-Object Activity)
            $headAtAnswer = if ($prompted) { [ulong](Invoke-DevRpc $endpoint dev_produceBlock @($Blocks)).number }
            $promptingHost.Prompts.Answer()
            if (-not $handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(3))) { $ps.Stop() }
            $failed = $null
            try { [void]$ps.EndInvoke($handle) } catch { $failed = $_ }
            [pscustomobject]@{
                Prompted = $prompted; Asked = $promptingHost.Prompts.Asked; HeadAtAnswer = $headAtAnswer
                VerboseAtPrompt = $verboseAtPrompt; ProgressAtPrompt = $progressAtPrompt
                VerboseAfter = @($ps.Streams.Verbose | ForEach-Object Message); ProgressAfter = @($ps.Streams.Progress | ForEach-Object Activity)
                Output = @($output); Errors = @(@($ps.Streams.Error) + @($failed) | Where-Object { $_ })
            }
        }
        finally { $ps.Dispose(); $runspace.Dispose() }
    }
}
AfterAll { if ($node) { Stop-DevNode $node } }

Describe 'With -Confirm the prompt comes before the work, and a late answer submits nothing stale' {
    It 'Register-SubtensorNeuron -Confirm: one prompt, no solving until answered, registered with fresh work after 4 blocks at the prompt' {
        $r = Invoke-Confirmed -Blocks 4 -Script ("Register-SubtensorNeuron -NetUid 1 -Endpoint '$endpoint' -Wallet default " +
            "-WalletHotkey default -WalletPath '$walletRoot' -Confirm -Verbose")
        $r.Prompted | Should -BeTrue -Because 'ShouldProcess must reach the host as a prompt'
        $r.Errors | Should -BeNullOrEmpty
        $r.Asked.Count | Should -Be 1 -Because 'the user is asked once, not again after solving'
        $r.Asked[0] | Should -Match 'subnet 1'
        $r.VerboseAtPrompt -match $solvingLine | Should -BeNullOrEmpty -Because 'nothing is solved before the user answers'
        $r.ProgressAtPrompt -match 'Solving' | Should -BeNullOrEmpty
        $r.VerboseAfter -match $solvingLine | Should -Not -BeNullOrEmpty -Because 'it did solve once answered (the check above is not vacuous)'
        $r.Output.Count | Should -Be 1
        $r.Output[0].Status | Should -Be 'Registered'
        $r.Output[0].Attempts | Should -Be 1 -Because 'work solved after the answer is fresh: no stale solution to throw away'
        $r.Output[0].BlockNumber | Should -BeGreaterOrEqual $r.HeadAtAnswer
        @(Invoke-DevRpc $endpoint dev_dispatchFailures) |
            Should -BeNullOrEmpty -Because 'the chain saw no InvalidWorkBlock (nor any other failed call)'
    }

    It 'Request-SubtensorFaucet -Confirm: one prompt, no solving until answered, funded with fresh work after 4 blocks at the prompt' {
        $r = Invoke-Confirmed -Blocks 4 -Script ("Request-SubtensorFaucet -Endpoint '$endpoint' -Wallet plain " +
            "-WalletPath '$walletRoot' -Confirm -Verbose")
        $r.Prompted | Should -BeTrue
        $r.Errors | Should -BeNullOrEmpty
        $r.Asked.Count | Should -Be 1
        $r.VerboseAtPrompt -match "$solvingLine|Unlocking coldkey" |
            Should -BeNullOrEmpty -Because 'nothing is unlocked or solved before the user answers'
        $r.ProgressAtPrompt -match 'Solving' | Should -BeNullOrEmpty
        $r.VerboseAfter -match $solvingLine | Should -Not -BeNullOrEmpty
        $r.Output.Count | Should -Be 1
        $r.Output[0].Status | Should -Be 'Funded'
        $r.Output[0].Attempts | Should -Be 1
        $r.Output[0].WorkBlock | Should -BeGreaterOrEqual $r.HeadAtAnswer
        @(Invoke-DevRpc $endpoint dev_dispatchFailures) | Should -BeNullOrEmpty
    }

    It 'Request-SubtensorFaucet -WhatIf unlocks, solves and submits nothing' {
        # Register's -WhatIf (at difficulty 10^18) is PipedSolutions.Tests.ps1's; the faucet's difficulty is fixed, so
        # here the proof is what did not happen: no solving line, no unlock, no submission reaching the node.
        $before = Invoke-DevRpc $endpoint dev_callCounts
        $run = Invoke-InRunspace "Request-SubtensorFaucet -Endpoint '$endpoint' -Wallet plain -WalletPath '$walletRoot' -WhatIf -Verbose"
        $after = Invoke-DevRpc $endpoint dev_callCounts
        @($run.Output) | Should -BeNullOrEmpty
        @($run.PowerShell.Streams.Error) | Should -BeNullOrEmpty
        $verbose = @($run.PowerShell.Streams.Verbose | ForEach-Object Message)
        $verbose -match 'Runtime .* spec' | Should -Not -BeNullOrEmpty -Because 'it did connect, so the checks below are not vacuous'
        $verbose -match "$solvingLine|Unlocking coldkey" | Should -BeNullOrEmpty
        @($run.PowerShell.Streams.Progress | ForEach-Object Activity) -match 'Solving' | Should -BeNullOrEmpty
        foreach ($submit in 'author_submitExtrinsic', 'author_submitAndWatchExtrinsic') { $after.$submit | Should -Be $before.$submit }
    }
}

# A host that cannot ask (issue 20): a script run with its input at an end (cron, CI: `pwsh -File x.ps1 < /dev/null`),
# where the console host's own prompt fails with "Object reference not set to an instance of an object"; -NonInteractive;
# a runspace without a UI. Each is one clear ConfirmationUnavailable error naming -Confirm:$false, and nothing is submitted.
Describe 'Without -Confirm:$false on a host that cannot ask' {
    BeforeAll {
        $exe = [Environment]::ProcessPath
        $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $register = "Register-SubtensorNeuron -NetUid 1 -Endpoint '$endpoint' -Wallet default -WalletHotkey default -WalletPath '$walletRoot'"
        function Invoke-Script([string] $Text, [string[]] $Switches) {
            $file = Join-Path $TestDrive "noprompt-$([guid]::NewGuid().ToString('n')).ps1"
            Set-Content $file ("Import-Module '$(Get-TestModulePath)'`ntry { $Text -ErrorAction Stop } catch { " +
                "'ID=' + `$_.FullyQualifiedErrorId; 'MESSAGE=' + `$_.Exception.Message; " +
                "'ACTION=' + `$_.ErrorDetails.RecommendedAction }")
            # Input redirected from an empty source: the console host reads end of input where it would read an answer.
            $empty = Join-Path $TestDrive 'empty.txt'; Set-Content $empty '' -NoNewline
            $psi = [Diagnostics.ProcessStartInfo]::new($exe)
            foreach ($a in @($dll) + @('-NoProfile') + $Switches + @('-File', $file)) { $psi.ArgumentList.Add($a) }
            $psi.RedirectStandardInput = $true; $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
            $p = [Diagnostics.Process]::Start($psi)
            $p.StandardInput.Close()
            $out = $p.StandardOutput.ReadToEndAsync(); $err = $p.StandardError.ReadToEndAsync()
            if (-not $p.WaitForExit(120000)) { $p.Kill($true) }
            ($out.Result + $err.Result) -replace '\e\[[0-9;]*m'
        }
    }

    It '<Name>: ConfirmationUnavailable, saying to add -Confirm:$false' -ForEach @(
        @{ Name = 'pwsh -File with its input at an end'; Switches = @() }
        @{ Name = 'pwsh -NonInteractive'; Switches = @('-NonInteractive') }
    ) {
        $before = Invoke-DevRpc $endpoint dev_callCounts
        $out = Invoke-Script $register $Switches
        $out | Should -Match 'ID=ConfirmationUnavailable,' -Because $out
        $out | Should -Not -Match 'Object reference not set'
        $out | Should -Match 'MESSAGE=Register-SubtensorNeuron asks before it changes chain state'
        $out | Should -Match 'ACTION=Add -Confirm:\$false'
        $after = Invoke-DevRpc $endpoint dev_callCounts
        foreach ($submit in 'author_submitExtrinsic', 'author_submitAndWatchExtrinsic') { $after.$submit | Should -Be $before.$submit }
    }

    It 'a runspace without a UI: ConfirmationUnavailable' {
        $ps = [powershell]::Create()
        try {
            [void]$ps.AddScript("Import-Module '$(Get-TestModulePath)'; $register")
            $null = $ps.Invoke()
            @($ps.Streams.Error)[0].FullyQualifiedErrorId | Should -BeLike 'ConfirmationUnavailable,*'
        }
        finally { $ps.Dispose() }
    }

    It 'with -Confirm:$false the same script goes past the question' {
        # The hotkey was registered above: going on, the workflow finds that and warns (the question comes first).
        $out = Invoke-Script "$register -Confirm:`$false 3>&1 | ForEach-Object { 'OUT=' + `$_ }" @()
        $out | Should -Not -Match 'ConfirmationUnavailable'
        $out | Should -Match 'OUT=Hotkey .* is already registered on subnet 1' -Because $out
    }
}

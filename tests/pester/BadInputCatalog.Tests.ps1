# The bad-input catalog: each row is one kind of bad input to one cmdlet, with the error id and category it must
# give. Every row also checks that no .NET stack trace reaches any stream, that a huge input is not echoed whole, that
# no password from an endpoint's user-info (s3cretP4ss) reaches any stream, that the recommended action fits a line
# (at most 120 characters), and that the row finishes within 15 s. Rows run in this runspace (a fresh one per row
# would cost more than the rows).
BeforeDiscovery {
    $v = Get-Content (Join-Path $PSScriptRoot '../../../shared/vectors/pow-vectors.json') -Raw -ErrorAction Ignore |
        ConvertFrom-Json
    if (-not $v) {
        $v = Get-Content (Join-Path ($env:BITTENSORPOW_ROOT ?? (Join-Path $PSScriptRoot '../..')) '../shared/vectors/pow-vectors.json') -Raw |
            ConvertFrom-Json
    }
    $H = $v.blockHashes.finneyGenesis
    $A = $v.keys.alice.ss58_42
    $badSum = $A.Substring(0, $A.Length - 1) + $(if ($A[-1] -eq 'Y') { 'Z' } else { 'Y' })
    $huge = 'x' * 20000
    $off = "-BlockNumber 1 -Difficulty 10"
    $rows = [System.Collections.Generic.List[hashtable]]::new()
    # -Message: a pattern the error's message must match, where the wording is the point of the row (ports filled in
    # as in the script).
    function Row([string] $Name, [string] $Script, [string] $Id, [string] $Category, [string] $Message = '') {
        $rows.Add(@{ Name = $Name; Script = $Script; Id = $Id; Category = $Category; Message = $Message })
    }

    # Block hashes: New-PowSolution and Test-PowSolution parse them the same way.
    $hashes = [ordered]@{
        'not hex' = '0xnothex'; 'two bytes' = '0x1234'; '31 bytes' = '0x' + ('ab' * 31); '33 bytes' = '0x' + ('ab' * 33)
        'odd digit count' = '0x' + ('a' * 63); 'g in hex' = '0x' + ('g' * 64); 'no 0x and short' = 'abc'; 'blank' = ' '
        'NUL inside' = '0x' + ('0' * 30) + "`0" + ('0' * 33); 'control characters' = "0x`a`b`t" + ('0' * 61); 'huge' = $huge
        'fullwidth digits' = '0x' + ([string][char]0xFF10 * 64); 'only 0x' = '0x'
    }
    # Text far longer than any value of its kind is refused by length before PowerShell or we parse it (BoundedText):
    # PowerShell's ParameterArgumentTransformationError, quoting a short prefix.
    $tooLong = @('ParameterArgumentTransformationError', 'InvalidData', 'is 20,0\d\d characters long, and .* is at most')
    foreach ($k in $hashes.Keys) {
        $hv = $hashes[$k] -replace "'", "''"
        $expect = if ($k -eq 'huge') { $tooLong } else { @('InvalidBlockHash', 'InvalidArgument') }
        Row "New-PowSolution -BlockHash: $k" "New-PowSolution -BlockHash '$hv' $off -Hotkey $A" @expect
        Row "Test-PowSolution -BlockHash: $k" "Test-PowSolution -BlockHash '$hv' $off -Hotkey $A -Nonce 1" @expect
    }
    # Hotkeys: SS58 checksums, prefixes, lengths, and public keys in hex.
    $hotkeys = [ordered]@{
        'bad checksum' = $badSum
        'Polkadot prefix 0' = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5'
        'Kusama prefix 2' = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F'
        'too short' = $A.Substring(0, 20); 'base58 with 0' = $A.Substring(0, 10) + '0' + $A.Substring(11); '0x and 31 bytes' = '0x' + ('11' * 31)
        '0x and 33 bytes' = '0x' + ('11' * 33); 'blank' = ' '; 'NUL inside' = $A.Substring(0, 10) + "`0" + $A.Substring(11); 'huge' = $huge
        'a URI, not an address' = '//Alice'; 'tab inside' = $A.Substring(0, 10) + "`t" + $A.Substring(10)
    }
    foreach ($k in $hotkeys.Keys) {
        $kv = $hotkeys[$k] -replace "'", "''"
        $expect = if ($k -eq 'huge') { $tooLong } else { @('InvalidHotkey', 'InvalidArgument') }
        Row "New-PowSolution -Hotkey: $k" "New-PowSolution -BlockHash $H $off -Hotkey '$kv'" @expect
        Row "Test-PowSolution -Hotkey: $k" "Test-PowSolution -BlockHash $H $off -Hotkey '$kv' -Nonce 1" @expect
    }
    # Numbers out of range.
    Row 'difficulty 0' "New-PowSolution -BlockHash $H -BlockNumber 1 -Difficulty 0 -Hotkey $A" 'ZeroDifficulty' 'InvalidArgument'
    Row 'Test-PowSolution difficulty 0' (
        "Test-PowSolution -BlockHash $H -BlockNumber 1 -Difficulty 0 -Hotkey $A -Nonce 1") 'ZeroDifficulty' 'InvalidArgument'
    Row 'difficulty -1' "New-PowSolution -BlockHash $H -BlockNumber 1 -Difficulty -1 -Hotkey $A" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'difficulty 2^64' (
        "New-PowSolution -BlockHash $H -BlockNumber 1 -Difficulty 18446744073709551616 -Hotkey $A"
    ) 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'block number -1' "New-PowSolution -BlockHash $H -BlockNumber -1 -Difficulty 10 -Hotkey $A" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'nonce -1' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce -1" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'nonce text' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce abc" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'ThreadCount 0' "New-PowSolution -BlockHash $H $off -Hotkey $A -ThreadCount 0" 'InvalidThreadCount' 'InvalidArgument'
    Row 'ThreadCount -3' "New-PowSolution -BlockHash $H $off -Hotkey $A -ThreadCount -3" 'InvalidThreadCount' 'InvalidArgument'
    Row 'UpdateInterval 0' "New-PowSolution -BlockHash $H $off -Hotkey $A -UpdateInterval 0" 'InvalidUpdateInterval' 'InvalidArgument'
    Row 'TimeoutSec 0' "New-PowSolution -BlockHash $H $off -Hotkey $A -TimeoutSec 0" 'InvalidTimeout' 'InvalidArgument'
    Row 'TimeoutSec -1' "New-PowSolution -BlockHash $H $off -Hotkey $A -TimeoutSec -1" 'InvalidTimeout' 'InvalidArgument'
    Row 'TimeoutSec NaN' "New-PowSolution -BlockHash $H $off -Hotkey $A -TimeoutSec ([double]::NaN)" 'InvalidTimeout' 'InvalidArgument'
    Row 'TimeoutSec infinity' (
        "New-PowSolution -BlockHash $H $off -Hotkey $A -TimeoutSec ([double]::PositiveInfinity)") 'InvalidTimeout' 'InvalidArgument'
    Row 'ThreadsPerBlock 0' (
        "New-PowSolution -BlockHash $H $off -Hotkey $A -Backend IlgpuCpu -ThreadsPerBlock 0") 'InvalidThreadsPerBlock' 'InvalidArgument'
    Row 'Measure -Seconds 0' "Measure-PowHashRate -Seconds 0" 'ParameterArgumentValidationError' 'InvalidData'
    Row 'Register -TimeoutSec over a day' "Register-SubtensorNeuron -NetUid 1 -TimeoutSec 86401" 'ParameterArgumentValidationError' 'InvalidData'
    Row 'Measure -Seconds -1' "Measure-PowHashRate -Seconds -1" 'ParameterArgumentValidationError' 'InvalidData'
    Row 'Measure -ThreadCount 0' "Measure-PowHashRate -ThreadCount 0 -Seconds 0.2" 'InvalidThreadCount' 'InvalidArgument'
    Row 'Measure device 7' "Measure-PowHashRate -Backend IlgpuCpu -DeviceId 7 -Seconds 0.2" 'DeviceNotFound' 'ObjectNotFound'
    Row 'Measure -DeviceId on the CPU' "Measure-PowHashRate -DeviceId 0 -Seconds 0.2" 'ConflictingParameters' 'InvalidArgument'
    Row 'Register -TimeoutSec 0' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:1 -TimeoutSec 0 -Confirm:`$false"
    ) 'ParameterArgumentValidationError' 'InvalidData'
    Row 'Faucet -TimeoutSec 99999' (
        "Request-SubtensorFaucet -Endpoint ws://127.0.0.1:1 -TimeoutSec 99999 -Confirm:`$false"
    ) 'ParameterArgumentValidationError' 'InvalidData'
    Row 'NetUid 70000' "New-PowSolution -NetUid 70000 -Endpoint ws://127.0.0.1:1 -Hotkey $A" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    # Get-SubtensorSubnet (issue 21): its parameters, a subnet the chain lacks, a device that is not there.
    Row 'Get-SubtensorSubnet: nothing listening' "Get-SubtensorSubnet -Endpoint ws://127.0.0.1:1 -HashRate 1e6" 'ConnectionFailed' 'ConnectionError'
    Row 'Get-SubtensorSubnet -NetUid: a subnet the chain lacks' (
        "Get-SubtensorSubnet -NetUid 42 -Endpoint ws://127.0.0.1:DEVPORT -HashRate 1e6"
    ) 'SubnetNotFound' 'ObjectNotFound' '^Subnet 42 does not exist on ws://127\.0\.0\.1:DEVPORT'
    Row 'Get-SubtensorSubnet -NetUid 70000' (
        "Get-SubtensorSubnet -NetUid 70000 -Endpoint ws://127.0.0.1:1") 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'Get-SubtensorSubnet -HashRate 0' (
        "Get-SubtensorSubnet -HashRate 0 -Endpoint ws://127.0.0.1:1") 'ParameterArgumentValidationError' 'InvalidData'
    Row 'Get-SubtensorSubnet -DeviceId for the CPU' (
        "Get-SubtensorSubnet -DeviceId 0 -Endpoint ws://127.0.0.1:1") 'ConflictingParameters' 'InvalidArgument'
    Row 'Get-SubtensorSubnet -Cuda -Backend Cpu' (
        "Get-SubtensorSubnet -Cuda -Backend Cpu -Endpoint ws://127.0.0.1:1") 'ConflictingParameters' 'InvalidArgument'
    Row 'Get-SubtensorSubnet: measuring device 7' (
        "Get-SubtensorSubnet -NetUid 1 -Backend IlgpuCpu -DeviceId 7 -Endpoint ws://127.0.0.1:DEVPORT") 'DeviceNotFound' 'ObjectNotFound'
    Row 'seal byte order Middle' (
        "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -SealByteOrder Middle") 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    Row 'backend Quantum' "New-PowSolution -BlockHash $H $off -Hotkey $A -Backend Quantum" 'CannotConvertArgumentNoMessage' 'InvalidArgument'
    # Seals.
    Row 'seal not hex' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Seal 0xzz" 'MalformedSeal' 'InvalidArgument'
    Row 'seal 31 bytes' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Seal 0x$('ab' * 31)" 'MalformedSeal' 'InvalidArgument'
    Row 'seal huge' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Seal $huge" @tooLong
    # Endpoints.
    $endpoints = [ordered]@{
        'http scheme' = 'http://127.0.0.1:9944'; 'ftp scheme' = 'ftp://127.0.0.1'; 'not a URL' = 'not a url'; 'ws without host' = 'ws://'
        'huge' = "ws://$huge"; 'NUL inside' = "ws://127.0.0.1`0:9944"; 'port out of range' = 'ws://127.0.0.1:99999'
        'https scheme' = 'https://127.0.0.1:9944'
    }
    $endpointWords = @{
        'http scheme' = 'http:// is not a WebSocket scheme.*use ws:// \(or wss:// for TLS\), e\.g\. ws://127\.0\.0\.1:9944'
        'https scheme' = 'https:// is not a WebSocket scheme.*e\.g\. wss://127\.0\.0\.1:9944'
        'port out of range' = 'ws://127\.0\.0\.1:99999.*port 99999 is out of range 1–65535'
    }
    $long = 'x' * 3000
    Row 'Get-SubtensorBlock: a huge path' "Get-SubtensorBlock -Endpoint ws://127.0.0.1:1/$huge" @tooLong
    Row 'Test-PowSolution: a huge path' "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Endpoint ws://127.0.0.1:1/$huge" @tooLong
    Row 'Get-SubtensorBlock: a long path on a port nobody listens on' (
        "Get-SubtensorBlock -Endpoint ws://127.0.0.1:1/$long") 'ConnectionFailed' 'ConnectionError'
    Row 'Test-PowSolution: a long path on a port nobody listens on' (
        "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Endpoint ws://127.0.0.1:1/$long") 'ConnectionFailed' 'ConnectionError'
    foreach ($k in $endpoints.Keys) {
        $ev = $endpoints[$k] -replace "'", "''"
        $expect = if ($k -eq 'huge') { $tooLong } else { @('InvalidEndpoint', 'InvalidArgument', $endpointWords[$k]) }
        Row "Get-SubtensorBlock -Endpoint: $k" "Get-SubtensorBlock -Endpoint '$ev'" @expect
        Row "New-PowSolution -NetUid -Endpoint: $k" "New-PowSolution -NetUid 1 -Endpoint '$ev' -Hotkey $A" @expect
        Row "Test-PowSolution -Endpoint: $k" "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Endpoint '$ev'" @expect
    }
    # An endpoint's user-info is a credential: masked as ***@ in every message, verbose line and target (issue 20).
    $secret = 'ws://miner:s3cretP4ss@127.0.0.1'
    Row 'user-info: Get-SubtensorBlock, nothing listening' (
        "Get-SubtensorBlock -Endpoint $($secret):1 -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' '^Could not connect to ws://\*\*\*@127\.0\.0\.1:1 '
    Row 'user-info: New-PowSolution, nothing listening' (
        "New-PowSolution -NetUid 1 -Endpoint $($secret):1 -Hotkey $A -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'ws://\*\*\*@127\.0\.0\.1:1'
    Row 'user-info: Test-PowSolution, nothing listening' (
        "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Endpoint $($secret):1 -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'ws://\*\*\*@127\.0\.0\.1:1'
    Row 'user-info: Register-SubtensorNeuron, nothing listening' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint $($secret):1 -Wallet w -WalletHotkey real -WalletPath WALLETS " +
        "-Confirm:`$false -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'ws://\*\*\*@127\.0\.0\.1:1'
    Row 'user-info: Request-SubtensorFaucet, nothing listening' (
        "Request-SubtensorFaucet -Endpoint $($secret):1 -Wallet w -WalletPath WALLETS -Confirm:`$false -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'ws://\*\*\*@127\.0\.0\.1:1'
    Row 'user-info: an HTTP server' (
        "Get-SubtensorBlock -Endpoint $($secret):HTTPPORT -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'the server at ws://\*\*\*@127\.0\.0\.1:HTTPPORT answered HTTP 200'
    Row 'user-info: http:// scheme' (
        "Get-SubtensorBlock -Endpoint http://miner:s3cretP4ss@127.0.0.1:9944"
    ) 'InvalidEndpoint' 'InvalidArgument' '^''http://\*\*\*@127\.0\.0\.1:9944'': .*e\.g\. ws://\*\*\*@127\.0\.0\.1:9944'
    Row 'user-info: not a URL' "Get-SubtensorBlock -Endpoint 'miner:s3cretP4ss@not a host'" 'InvalidEndpoint' 'InvalidArgument'
    Row 'user-info: -Endpoint with -Network' (
        "Get-SubtensorBlock -Network finney -Endpoint $($secret):1"
    ) 'ConflictingParameters' 'InvalidArgument' '^-Endpoint ws://\*\*\*@127\.0\.0\.1:1 and -Network finney'
    Row 'user-info: wss:// against a plain node' (
        "Get-SubtensorBlock -Endpoint wss://miner:s3cretP4ss@127.0.0.1:DEVPORT -Verbose"
    ) 'ConnectionFailed' 'ConnectionError' 'try ws://\*\*\*@127\.0\.0\.1:DEVPORT'
    # A port that takes the connection and never answers the WebSocket handshake: said after one connect timeout
    # (10 s), not when the call's 30 s run out.
    Row 'a port that accepts and never answers' "Get-SubtensorBlock -Endpoint ws://127.0.0.1:SILENTPORT" 'ConnectionFailed' 'ConnectionError' (
        '^Could not connect to ws://127\.0\.0\.1:SILENTPORT: ws://127\.0\.0\.1:SILENTPORT accepted the connection ' +
        'but sent no WebSocket handshake reply within 10 s\.$')
    Row 'unknown network name' "Get-SubtensorBlock -Network nowhere" 'ParameterArgumentValidationError' 'InvalidData'
    Row 'nothing listening' "Get-SubtensorBlock -Endpoint ws://127.0.0.1:1" 'ConnectionFailed' 'ConnectionError' (
        'nothing accepted the connection at ws://127\.0\.0\.1:1 \(connection refused\)')
    # Answered once, not tried again: the message has no attempt count.
    Row 'an HTTP server, not WebSocket' "Get-SubtensorBlock -Endpoint ws://127.0.0.1:HTTPPORT" 'ConnectionFailed' 'ConnectionError' (
        '^Could not connect to ws://127\.0\.0\.1:HTTPPORT: the server at ws://127\.0\.0\.1:HTTPPORT answered HTTP 200 OK ' +
        'but not a WebSocket upgrade: it is not a node''s JSON-RPC port')
    Row 'an HTTP server answering 404' (
        "New-PowSolution -NetUid 1 -Endpoint ws://127.0.0.1:NOTFOUNDPORT -Hotkey $A"
    ) 'ConnectionFailed' 'ConnectionError' (
        '^Could not connect to ws://127\.0\.0\.1:NOTFOUNDPORT: the server at ws://127\.0\.0\.1:NOTFOUNDPORT ' +
        'answered HTTP 404 NotFound but not a WebSocket upgrade')
    Row 'a TCP server that closes at once' "Get-SubtensorBlock -Endpoint ws://127.0.0.1:CLOSEPORT" 'ConnectionFailed' 'ConnectionError' (
        'after 3 attempt\(s\): ws://127\.0\.0\.1:CLOSEPORT accepted the connection and closed it before the WebSocket handshake')
    Row 'wss:// against a plain ws:// node' "Get-SubtensorBlock -Endpoint wss://127.0.0.1:DEVPORT" 'ConnectionFailed' 'ConnectionError' (
        '^Could not connect to wss://127\.0\.0\.1:DEVPORT: the TLS handshake with wss://127\.0\.0\.1:DEVPORT failed' +
        '.*try ws://127\.0\.0\.1:DEVPORT')
    # Wallets and keyfiles (New-PowSolution reads the hotkey's public key; Get-BittensorWallet lists).
    foreach ($k in 'notjson', 'array', 'empty', 'emptyobject', 'shortpub', 'nul', 'vault', 'fernet') {
        Row "hotkey file: $k" "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey $k -WalletPath WALLETS" $(switch ($k) {
            'shortpub' { 'KeyfileNoPublicKey' } 'emptyobject' { 'KeyfileNoPublicKey' }
            'vault' { 'KeyfileEncrypted' } 'fernet' { 'KeyfileEncrypted' } default { 'KeyfileNotJson' } }) 'InvalidData'
    }
    Row 'missing wallet' "New-PowSolution -BlockHash $H $off -Wallet nope -WalletHotkey x -WalletPath WALLETS" 'WalletNotFound' 'ObjectNotFound'
    Row 'missing hotkey' "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey nope -WalletPath WALLETS" 'KeyfileNotFound' 'ObjectNotFound'
    Row 'wallet path is a file' (
        "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey x -WalletPath WALLETS/w/hotkeys/notjson"
    ) 'WalletNotFound' 'ObjectNotFound'
    Row 'hotkey name with ..' (
        "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey ../../etc -WalletPath WALLETS") 'KeyfileNotFound' 'ObjectNotFound'
    Row 'wallet name NUL' (
        "New-PowSolution -BlockHash $H $off -Wallet `"w``0x`" -WalletHotkey real -WalletPath WALLETS") 'WalletNotFound' 'ObjectNotFound'
    Row 'truncated NACL hotkey, with a password' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey truncnacl -WalletPath WALLETS " +
        "-HotkeyPassword (ConvertTo-SecureString x -AsPlainText -Force) -Confirm:`$false"
    ) 'KeyfileNotJson' 'InvalidData'
    # Whatever stands at a keyfile's path: a folder, a link that loops or leads nowhere, a file far too large, an endless device.
    foreach ($k in 'folder', 'loop', 'zero', 'toolarge') {
        Row "hotkey path: $k" (
            "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey $k -WalletPath WALLETS"
        ) 'KeyfileUnreadable' 'ReadError' "^Keyfile '.*/w/hotkeys/$k' (is|cannot)"
        Row "hotkey path to sign with: $k" (
            "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey $k -WalletPath WALLETS " +
            "-Confirm:`$false"
        ) 'KeyfileUnreadable' 'ReadError' "^Keyfile '.*/w/hotkeys/$k' (is|cannot)"
    }
    Row 'hotkey path: a link to nothing' (
        "New-PowSolution -BlockHash $H $off -Wallet w -WalletHotkey dangling -WalletPath WALLETS"
    ) 'KeyfileNotFound' 'ObjectNotFound' "^Keyfile '.*/w/hotkeys/dangling' is a symbolic link to '.*nowhere', which does not exist\.$"
    Row 'coldkeypub that loops' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:DEVPORT -Wallet loopy -WalletHotkey real -WalletPath WALLETS " +
        "-Confirm:`$false"
    ) 'KeyfileUnreadable' 'ReadError' "coldkeypub\.txt' is a symbolic link that loops"
    Row 'public-only hotkey for signing' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey pubonly -WalletPath WALLETS " +
        "-Confirm:`$false"
    ) 'KeyfileNoSecret' 'InvalidData'
    # Making wallets (New-BittensorWallet / New-BittensorHotkey): with -Mnemonic, so no host is asked anything.
    $dev = "(ConvertTo-SecureString 'bottom drive obey lake curtain smoke basket hold race lonely fit walk' -AsPlainText -Force)"
    $mnemonics = [ordered]@{
        '11 words' = 'bottom drive obey lake curtain smoke basket hold race lonely fit'
        'checksum' = 'walk fit lonely race hold basket smoke curtain lake obey drive bottom'
        'unknown word' = 'bottom drive obey lake curtain smoke basket hold race lonely fit walkk'; 'huge' = $huge; 'blank' = ' '
    }
    foreach ($k in $mnemonics.Keys) {
        Row "New-BittensorWallet -Mnemonic: $k" (
            "New-BittensorWallet -Name m -WalletPath WALLETS -NoPassword " +
            "-Mnemonic (ConvertTo-SecureString '$($mnemonics[$k])' -AsPlainText -Force)"
        ) 'InvalidMnemonic' 'InvalidArgument'
    }
    foreach ($name in '../up', 'a/b', '.dot', "nul``0x") {
        Row "New-BittensorWallet -Name '$name'" (
            "New-BittensorWallet -Name `"$name`" -WalletPath WALLETS -NoPassword -Mnemonic $dev") 'InvalidWalletName' 'InvalidArgument'
    }
    Row 'New-BittensorHotkey -Name ending in pub.txt' (
        "New-BittensorHotkey -Wallet w -Name xpub.txt -WalletPath WALLETS -Mnemonic $dev") 'InvalidWalletName' 'InvalidArgument'
    Row 'New-BittensorWallet over a wallet that is there' (
        "New-BittensorWallet -Name w -WalletPath WALLETS -NoPassword -Mnemonic $dev") 'KeyfileExists' 'ResourceExists'
    Row 'New-BittensorHotkey over a hotkey that is there' (
        "New-BittensorHotkey -Wallet w -Name real -WalletPath WALLETS -Mnemonic $dev") 'KeyfileExists' 'ResourceExists'
    Row 'New-BittensorHotkey in a wallet that is not there' (
        "New-BittensorHotkey -Wallet nope -Name h -WalletPath WALLETS -Mnemonic $dev") 'WalletNotFound' 'ObjectNotFound'
    Row 'New-BittensorWallet -WordCount 13' (
        "New-BittensorWallet -Name m -WalletPath WALLETS -NoPassword -WordCount 13") 'ParameterArgumentValidationError' 'InvalidData'
    Row 'New-BittensorWallet -Password with -NoPassword' (
        "New-BittensorWallet -Name m -WalletPath WALLETS -NoPassword " +
        "-Password (ConvertTo-SecureString x -AsPlainText -Force) -Mnemonic $dev"
    ) 'ConflictingParameters' 'InvalidArgument'
    Row 'New-BittensorWallet empty -Password' (
        "New-BittensorWallet -Name m -WalletPath WALLETS -Password ([securestring]::new()) -Mnemonic $dev") 'EmptyPassword' 'InvalidArgument'
    Row 'a BT_PW_ variable that is not btwallet''s encoding' (
        "`$n = 'BT_PW_' + ((Join-Path 'WALLETS' 'w/hotkeys/truncnacl') -replace '[/.]', '_').ToUpperInvariant(); " +
        "try { Set-Item env:`$n 'not base64!'; " +
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey truncnacl -WalletPath WALLETS " +
        "-Confirm:`$false } finally { Remove-Item env:`$n }"
    ) 'InvalidPasswordVariable' 'InvalidData'
    # Objects of the wrong shape on the pipeline.
    Row 'a bare string piped to Test-PowSolution' "'hello' | Test-PowSolution" 'InputObjectMissingMandatory' 'InvalidArgument'
    Row 'an object with no solution fields' "[pscustomobject]@{ Foo = 1 } | Test-PowSolution" 'InputObjectMissingMandatory' 'InvalidArgument'
    Row 'a solution with a text nonce' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = 'abc' } | Test-PowSolution"
    ) 'InputObjectMissingMandatory' 'InvalidArgument'
    Row 'a solution with a malformed block hash' (
        "[pscustomobject]@{ BlockHash = '0x12'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = 1 } | Test-PowSolution"
    ) 'InvalidBlockHash' 'InvalidArgument'
    Row 'a solution with a bad seal' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = 1; Seal = 'zz' } | Test-PowSolution"
    ) 'MalformedSeal' 'InvalidArgument'
    Row 'a date piped to Register-SubtensorNeuron (bound by property name, names the missing Nonce…)' (
        "Get-Date | Register-SubtensorNeuron -Confirm:`$false") 'MissingSolutionField' 'InvalidArgument'
    Row 'an offline solution piped to Register' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = 1; Seal = '0x$('00' * 32)' } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'MissingSolutionField' 'InvalidArgument'
    Row 'a solution without Hotkey piped to Register (HotkeyPublicKey does not stand in)' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; HotkeyPublicKey = '0x$('11' * 32)'; Nonce = 1; " +
        "NetUid = 1; SealByteOrder = 'LittleEndian' } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'MissingSolutionField' 'InvalidArgument' '^The piped object has no Hotkey property'
    Row 'a piped solution with a 20,000-digit nonce to Register' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = '$('1' * 20000)'; " +
        "NetUid = 1; SealByteOrder = 'LittleEndian' } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'InputTooLong' 'InvalidArgument' '^The piped object''s Nonce is refused: The value is 20,000 characters long'
    Row 'a piped solution with a 20,000-digit nonce to Test' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = '$('1' * 20000)' } | " +
        "Test-PowSolution"
    ) @tooLong
    Row 'a hashtable piped to Test-PowSolution' "@{ BlockHash = '0x12' } | Test-PowSolution" 'InputObjectMissingMandatory' 'InvalidArgument'
    # Conflicting switches.
    Row 'Detailed with PassThru' (
        "Test-PowSolution -BlockHash $H $off -Hotkey $A -Nonce 1 -Detailed -PassThru") 'AmbiguousParameterSet' 'InvalidArgument'
    Row '-Coldkey with the legacy seal' "New-PowSolution -BlockHash $H $off -Hotkey $A -Coldkey $A" 'ConflictingParameters' 'InvalidArgument'
    # The pow_register seal (PowRegisterV1) binds the subnet and the coldkey and is read little-endian only.
    Row 'PowRegisterV1 without -NetUid' (
        "New-PowSolution -Scheme PowRegisterV1 -BlockHash $H $off -Hotkey $A -Coldkey $A") 'MissingNetUid' 'InvalidArgument'
    Row 'PowRegisterV1 with -Hotkey and no coldkey' (
        "New-PowSolution -Scheme PowRegisterV1 -NetUid 1 -BlockHash $H $off -Hotkey $A") 'MissingColdkey' 'InvalidArgument'
    Row 'PowRegisterV1 with -SealByteOrder BigEndian' (
        "New-PowSolution -Scheme PowRegisterV1 -NetUid 1 -BlockHash $H $off -Hotkey $A -Coldkey $A -SealByteOrder BigEndian"
    ) 'SealByteOrderNotForScheme' 'InvalidArgument'
    Row 'a -Coldkey that is no key' (
        "New-PowSolution -Scheme PowRegisterV1 -NetUid 1 -BlockHash $H $off -Hotkey $A -Coldkey 0x1234") 'InvalidColdkey' 'InvalidArgument'
    Row 'Test-PowSolution PowRegisterV1 without a coldkey' (
        "Test-PowSolution -Scheme PowRegisterV1 -NetUid 1 -BlockHash $H $off -Hotkey $A -Nonce 1") 'MissingColdkey' 'InvalidArgument'
    Row 'a solution with an unknown Scheme' (
        "[pscustomobject]@{ Scheme = 'PowRegisterV9'; BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Nonce = 1 } | " +
        "Test-PowSolution"
    ) 'InvalidScheme' 'InvalidArgument'
    Row 'a PowRegisterV1 solution without NetUid piped to Register' (
        "[pscustomobject]@{ Scheme = 1; BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$A'; Coldkey = '$A'; Nonce = 1 } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:DEVPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'MissingNetUid' 'InvalidArgument'
    # pow_register on today's Finney (FINNEYPORT: --profile finney; subnet 1 PoW off, subnet 3 PoW on with 'real' registered,
    # both at difficulty 10^15, so a row that returns within 15 s solved nothing): refused before any work, by both cmdlets.
    $finneyRows = [ordered]@{
        'PoW off' = @(1, 'PowRegistrationClosed', 'PermissionDenied', "only the subnet's owner can turn it on")
        'the root subnet' = @(0, 'RegistrationNotPermittedOnRootSubnet', 'InvalidArgument', '')
        'a subnet that does not exist' = @(99, 'SubnetNotFound', 'ObjectNotFound', '^Subnet 99 does not exist')
        'a hotkey already registered' = @(3, 'HotKeyAlreadyRegisteredInSubNet', 'InvalidOperation', 'already registered on subnet 3 as uid 0')
    }
    foreach ($k in $finneyRows.Keys) {
        $netUid, $id, $category, $pattern = $finneyRows[$k]
        $on = "-NetUid $netUid -Endpoint ws://127.0.0.1:FINNEYPORT -Wallet w -WalletHotkey real -WalletPath WALLETS"
        Row "pow_register, $($k): New-PowSolution" "New-PowSolution $on" $id $category $pattern
        Row "pow_register, $($k): Register-SubtensorNeuron" "Register-SubtensorNeuron $on -Confirm:`$false" $id $category $pattern
    }
    $realHotkey = (Get-Content (Join-Path $PSScriptRoot '../../../shared/wallet/default/hotkeys/defaultpub.txt') -Raw -ErrorAction Ignore |
        ConvertFrom-Json).ss58Address
    if (-not $realHotkey) {
        $realHotkey = (Get-Content (Join-Path ($env:BITTENSORPOW_ROOT ??
                    (Join-Path $PSScriptRoot '../..')) '../shared/wallet/default/hotkeys/defaultpub.txt') -Raw |
            ConvertFrom-Json).ss58Address
    }
    $v1 = "Scheme = 'PowRegisterV1'; NetUid = 3; BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$realHotkey'; Nonce = 1"
    Row 'pow_register: a solution bound to another coldkey piped to Register' (
        "[pscustomobject]@{ $v1; Coldkey = '$A' } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:FINNEYPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'ColdkeyMismatch' 'InvalidArgument' "^The solution's seal binds coldkey $A"
    Row 'pow_register: a legacy solution piped to Register on finney' (
        "[pscustomobject]@{ BlockHash = '$H'; BlockNumber = 1; Difficulty = 10; Hotkey = '$realHotkey'; Nonce = 1; NetUid = 3; " +
        "SealByteOrder = 'LittleEndian' } | " +
        "Register-SubtensorNeuron -Endpoint ws://127.0.0.1:FINNEYPORT -Wallet w -WalletHotkey real -WalletPath WALLETS -Confirm:`$false"
    ) 'SchemeMismatch' 'InvalidArgument'
    Row '-Network with -Endpoint' "Get-SubtensorBlock -Network finney -Endpoint ws://127.0.0.1:1" 'ConflictingParameters' 'InvalidArgument'
    Row '-Cuda with -OpenCL' "New-PowSolution -BlockHash $H $off -Hotkey $A -Cuda -OpenCL" 'ConflictingParameters' 'InvalidArgument'
    Row '-Hotkey with -Wallet' "New-PowSolution -BlockHash $H $off -Hotkey $A -Wallet w -WalletPath WALLETS" 'ConflictingParameters' 'InvalidArgument'
    Row '-Cuda with -Backend Cpu' "New-PowSolution -BlockHash $H $off -Hotkey $A -Cuda -Backend Cpu" 'ConflictingParameters' 'InvalidArgument'
    Row 'Register -Cuda with -Backend Cpu' (
        "Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:1 -Cuda -Backend Cpu -Confirm:`$false"
    ) 'ConflictingParameters' 'InvalidArgument'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/DevNode.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $wallets = Join-Path $TestDrive 'wallets'
    $hk = Join-Path $wallets 'w/hotkeys'
    New-Item -ItemType Directory $hk -Force | Out-Null
    $real = Join-Path (Get-SharedPath) 'wallet/default/hotkeys/default'
    Copy-Item $real (Join-Path $hk 'real')
    Set-Content (Join-Path $hk 'notjson') 'this is not json'
    Set-Content (Join-Path $hk 'array') '[1, 2, 3]'
    Set-Content (Join-Path $hk 'empty') ''
    Set-Content (Join-Path $hk 'emptyobject') '{}'
    Set-Content (Join-Path $hk 'shortpub') '{"publicKey": "0x1234", "ss58Address": "x"}'
    [IO.File]::WriteAllBytes((Join-Path $hk 'nul'), [byte[]]::new(64))
    Set-Content (Join-Path $hk 'vault') "`$ANSIBLE_VAULT;1.1;AES256`n6162"
    Set-Content (Join-Path $hk 'fernet') 'gAAAAABkZm9vYmFy'
    $coldkeyBytes = [IO.File]::ReadAllBytes((Join-Path (Get-SharedPath) 'wallet/default/coldkey'))
    [IO.File]::WriteAllBytes((Join-Path $hk 'truncnacl'), $coldkeyBytes[0..20])
    Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/defaultpub.txt') (Join-Path $hk 'pubonly')
    Copy-Item (Join-Path (Get-SharedPath) 'wallet/default/coldkeypub.txt') (Join-Path $wallets 'w/coldkeypub.txt')
    New-Item -ItemType Directory (Join-Path $hk 'folder') | Out-Null
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $hk 'loop') -Target (Join-Path $hk 'loop2')
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $hk 'loop2') -Target (Join-Path $hk 'loop')
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $hk 'dangling') -Target (Join-Path $hk 'nowhere')
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $hk 'zero') -Target '/dev/zero'
    [IO.File]::WriteAllBytes((Join-Path $hk 'toolarge'), [byte[]]::new(1MB))
    New-Item -ItemType Directory (Join-Path $wallets 'loopy/hotkeys') -Force | Out-Null
    Copy-Item $real (Join-Path $wallets 'loopy/hotkeys/real')
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $wallets 'loopy/coldkeypub.txt') -Target (Join-Path $wallets 'loopy/coldkeypub.txt')

    $node = Start-DevNode -Arguments @('--block-ms', '0')
    $devPort = ([Uri]$node.Endpoint).Port
    $finney = Start-DevNode -Arguments @('--profile', 'finney', '--block-ms', '0', '--subnet', '1:1000000000000000:pow=off:min=1000000000000000',
        '--subnet', '3:1000000000000000:pow=on:min=1000000000000000')
    $realSs58 = (Get-Content (Join-Path (Get-SharedPath) 'wallet/default/hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).ss58Address
    Invoke-DevRpc $finney.Endpoint dev_register @(3, $realSs58) | Out-Null
    # A server that answers HTTP, not a WebSocket upgrade; and one that closes every connection at once.
    $http = [System.Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $http.Start()
    $close = [System.Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $close.Start()
    $serve = {
        param($listener, $reply)
        while ($true) {
            try { $c = $listener.AcceptTcpClient() } catch { return }
            # An HTTP server reads the request before it answers (answering first races the client's write).
            if ($reply) {
                $s = $c.GetStream(); $b = [Text.Encoding]::ASCII.GetBytes($reply)
                try { $null = $s.Read([byte[]]::new(8192), 0, 8192); $s.Write($b, 0, $b.Length) } catch { }
            }
            $c.Close()
        }
    }
    $notFound = [System.Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $notFound.Start()
    # Listening, never accepting: the kernel completes the TCP handshake and nothing answers the WebSocket one.
    $silent = [System.Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $silent.Start()
    $servers = @(
        (Start-ThreadJob -ScriptBlock $serve -ArgumentList $http, "HTTP/1.1 200 OK`r`nContent-Length: 5`r`nConnection: close`r`n`r`nhello")
        (Start-ThreadJob -ScriptBlock $serve -ArgumentList $notFound, "HTTP/1.1 404 Not Found`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
        (Start-ThreadJob -ScriptBlock $serve -ArgumentList $close, $null)
    )
    $ports = @{
        HTTPPORT = $http.LocalEndpoint.Port; NOTFOUNDPORT = $notFound.LocalEndpoint.Port; CLOSEPORT = $close.LocalEndpoint.Port
        DEVPORT = $devPort; FINNEYPORT = ([Uri]$finney.Endpoint).Port; SILENTPORT = $silent.LocalEndpoint.Port
    }

    function Set-Ports([string] $Text) {
        foreach ($k in $ports.Keys) { $Text = $Text.Replace($k, [string]$ports[$k]) }
        $Text
    }
    function Invoke-Row([string] $Script) {
        $text = Set-Ports $Script.Replace('WALLETS', $wallets)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $caught = $null
        $records = @(try { & ([scriptblock]::Create($text)) -ErrorAction Stop *>&1 } catch { $caught = $_ })
        $clock.Stop()
        [pscustomobject]@{
            Error = $caught ?? ($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1)
            Records = $records
            Elapsed = $clock.Elapsed
        }
    }
}

AfterAll {
    if ($node) { Stop-DevNode $node }
    if ($finney) { Stop-DevNode $finney }
    if ($http) { $http.Stop() }
    if ($close) { $close.Stop() }
    if ($notFound) { $notFound.Stop() }
    if ($silent) { $silent.Stop() }
    if ($servers) { $servers | Stop-Job -PassThru | Remove-Job -Force }
}

Describe 'The bad-input catalog' {
    It 'has at least 100 kinds of bad input (<Count>)' -ForEach @{ Count = $rows.Count } { $Count | Should -BeGreaterOrEqual 100 }

    It '<Name> → <Id> (<Category>)' -ForEach $rows {
        $r = Invoke-Row $Script
        $r.Error | Should -Not -BeNullOrEmpty -Because 'bad input must give an error'
        $r.Error.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        "$($r.Error.CategoryInfo.Category)" | Should -Be $Category
        if ($Message) { $r.Error.Exception.Message | Should -Match (Set-Ports $Message) }
        $text = @($r.Error.ToString(); $r.Error.ErrorDetails.Message; $r.Error.ErrorDetails.RecommendedAction; $r.Records | Out-String) -join "`n"
        $text | Should -Not -Match '(?m)^\s+at [\w.]+\(|--- End of (inner exception )?stack trace' -Because 'users see a message, not a stack trace'
        $r.Error.ToString().Length | Should -BeLessThan 2000 -Because 'long input is cut in messages, not echoed whole'
        @($text; "$($r.Error.TargetObject)") -join "`n" |
            Should -Not -Match 's3cretP4ss' -Because 'an endpoint''s password is masked everywhere it is shown'
        "$($r.Error.ErrorDetails.RecommendedAction)".Length | Should -BeLessOrEqual 120 -Because 'a recommendation fits a line'
        $r.Elapsed.TotalSeconds | Should -BeLessThan 15
    }
}

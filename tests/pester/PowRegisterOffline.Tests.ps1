# The pow_register seal (SPEC §10) as users type it offline. Seals are recomputed here from the payload with the BCL's
# SHA-256 and BouncyCastle's Keccak-256, not with the module's own seal code.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Add-Type -Path (Join-Path (Get-TestModulePath) 'BouncyCastle.Cryptography.dll')
    $keys = (Get-PowVectors).keys
    $walletRoot = Join-Path (Get-SharedPath) 'wallet'
    $walletColdkey = (Get-Content (Join-Path $walletRoot 'default/coldkeypub.txt') -Raw | ConvertFrom-Json).publicKey
    $walletHotkey = (Get-Content (Join-Path $walletRoot 'default/hotkeys/defaultpub.txt') -Raw | ConvertFrom-Json).publicKey

    function Get-Bytes([string] $hex) { [Convert]::FromHexString($hex -replace '^0x') }

    function Get-PowRegisterSeal([ushort] $NetUid, [string] $BlockHash, [string] $Hotkey, [string] $Coldkey, [ulong] $Nonce) {
        $payload = [Text.Encoding]::ASCII.GetBytes('subtensor-pow-register-v1') + [BitConverter]::GetBytes($NetUid) +
            (Get-Bytes $BlockHash) + (Get-Bytes $Hotkey) + (Get-Bytes $Coldkey) + [BitConverter]::GetBytes($Nonce)
        $payload.Length | Should -Be 131
        $keccak = [Org.BouncyCastle.Crypto.Digests.KeccakDigest]::new(256)
        $sha = [Security.Cryptography.SHA256]::HashData([byte[]]$payload)
        $keccak.BlockUpdate($sha, 0, 32)
        $seal = [byte[]]::new(32)
        $keccak.DoFinal($seal, 0) | Out-Null
        $seal
    }

    # The chain's rule for this seal: U256::from_little_endian(seal) * D must not overflow.
    function Test-MeetsLittleEndian([byte[]] $Seal, [ulong] $Difficulty) {
        $value = [Numerics.BigInteger]::new([byte[]]($Seal + [byte]0))
        ($value * $Difficulty) -le ([Numerics.BigInteger]::Pow(2, 256) - 1)
    }

    $blockHash = '0x' + ('5a' * 32)
    $challenge = @{
        Scheme = 'PowRegisterV1'; NetUid = 3; BlockHash = $blockHash; BlockNumber = 11
        Hotkey = $keys.alice.ss58_42; Coldkey = $keys.bob.ss58_42
    }
}

Describe 'The pow_register seal, offline' {
    It "SPEC §10's vector: netuid 1, block 01×32, hotkey 02×32, coldkey 03×32, nonce 0" {
        $d = Test-PowSolution -Scheme PowRegisterV1 -NetUid 1 -BlockHash ('0x' + '01' * 32) -BlockNumber 1 -Hotkey ('0x' + '02' * 32) `
            -Coldkey ('0x' + '03' * 32) -Nonce 0 -Difficulty 1 -Detailed
        $d.Seal | Should -Be '0x7cdaced691a70795a7656ad9b76ef2c16b961686a14a790bcb22eed6226ef103'
        $d.Scheme | Should -Be 'PowRegisterV1'
        $d.IsValid | Should -BeTrue
    }

    It 'New-PowSolution -Scheme PowRegisterV1 finds a seal that the payload recomputed here gives and that meets D little-endian' {
        $s = New-PowSolution @challenge -Difficulty 5000 -ThreadCount 1
        $s.Scheme | Should -Be 'PowRegisterV1'
        $s.NetUid | Should -Be 3
        $s.SealByteOrder | Should -Be 'LittleEndian'
        $s.ColdkeyPublicKey | Should -Be $keys.bob.publicKeyHex
        $s.Coldkey | Should -Be $keys.bob.ss58_42
        $seal = Get-PowRegisterSeal 3 $blockHash $keys.alice.publicKeyHex $keys.bob.publicKeyHex $s.Nonce
        $s.Seal | Should -Be ('0x' + [Convert]::ToHexString($seal).ToLowerInvariant())
        Test-MeetsLittleEndian $seal 5000 | Should -BeTrue
    }

    It 'one thread from -NonceStart returns the first position at or after it that meets D (position p is nonce rotr(p, 24))' {
        $start = [ulong]0x1234
        $s = New-PowSolution @challenge -Difficulty 300 -ThreadCount 1 -NonceStart $start
        $position = $start
        while ($true) {
            $nonce = [Numerics.BitOperations]::RotateRight([ulong]$position, 24)
            if (Test-MeetsLittleEndian (Get-PowRegisterSeal 3 $blockHash $keys.alice.publicKeyHex $keys.bob.publicKeyHex $nonce) 300) { break }
            $position++
        }
        $s.Nonce | Should -Be $nonce
        (New-PowSolution @challenge -Difficulty 300 -ThreadCount 1 -NonceStart $start).Nonce | Should -Be $nonce
    }

    It 'takes the hotkey and the coldkey from -Wallet (pub.txt and coldkeypub.txt, no secret read)' {
        $s = New-PowSolution -Scheme PowRegisterV1 -NetUid 3 -BlockHash $blockHash -BlockNumber 11 `
            -Wallet default -WalletPath $walletRoot -Difficulty 1000 -ThreadCount 1
        $s.ColdkeyPublicKey | Should -Be $walletColdkey
        $s.HotkeyPublicKey | Should -Be $walletHotkey
        $seal = Get-PowRegisterSeal 3 $blockHash $walletHotkey $walletColdkey $s.Nonce
        $s.Seal | Should -Be ('0x' + [Convert]::ToHexString($seal).ToLowerInvariant())
    }

    It 'survives a JSON round trip and a CSV round trip: Test-PowSolution checks what comes back' {
        $s = New-PowSolution @challenge -Difficulty 2000 -ThreadCount 1
        $json = $s | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json | Test-PowSolution | Should -BeTrue
        $csv = Join-Path $TestDrive 'solutions.csv'
        $s | Export-Csv $csv
        $back = Import-Csv $csv
        $back.Scheme | Should -Be 'PowRegisterV1'
        $back | Test-PowSolution | Should -BeTrue
    }

    It '-Detailed says another <Changed> gives another seal (not a difficulty miss)' -ForEach @(
        @{ Changed = 'coldkey'; Edit = @{ Coldkey = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y' } }
        @{ Changed = 'hotkey'; Edit = @{ Hotkey = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y' } }
        @{ Changed = 'subnet'; Edit = @{ NetUid = 4 } }
        @{ Changed = 'block'; Edit = @{ BlockHash = '0x' + ('5b' * 32) } }
    ) {
        $s = New-PowSolution @challenge -Difficulty 2000 -ThreadCount 1
        $piped = [pscustomobject]@{
            Scheme = 'PowRegisterV1'; NetUid = 3; BlockHash = $blockHash; BlockNumber = 11; Hotkey = $s.Hotkey; Coldkey = $s.Coldkey
            Difficulty = 2000; Nonce = $s.Nonce; Seal = $s.Seal
        }
        foreach ($k in $Edit.Keys) { $piped.$k = $Edit[$k] }
        $d = $piped | Test-PowSolution -Detailed
        $d.IsValid | Should -BeFalse
        $d.SealMatches | Should -BeFalse
        $d.Reason | Should -Match 'another coldkey, hotkey, subnet or block each give another seal'
    }

    It 'a solution without Scheme is the old seal: the same fields check as Legacy' {
        $legacy = @{ BlockHash = $blockHash; BlockNumber = 11; Hotkey = $keys.alice.ss58_42 }
        $s = New-PowSolution @legacy -Difficulty 2000 -ThreadCount 1 -SealByteOrder LittleEndian
        $piped = $s | Select-Object BlockHash, BlockNumber, Hotkey, Difficulty, Nonce, SealByteOrder
        ($piped | Test-PowSolution -Detailed).Scheme | Should -Be 'Legacy'
        $piped | Test-PowSolution | Should -BeTrue
    }
}

Describe 'Measure-PowHashRate -Scheme' {
    It 'measures the <Scheme> seal and says which it measured' -ForEach @(@{ Scheme = 'Legacy' }, @{ Scheme = 'PowRegisterV1' }) {
        $m = Measure-PowHashRate -Scheme $Scheme -ThreadCount 1 -Seconds 0.3
        $m.Scheme | Should -Be $Scheme
        $m.SealsPerSecond | Should -BeGreaterThan 0
        ($m | Format-Table | Out-String -Width 80) | Should -Match $Scheme
    }
}

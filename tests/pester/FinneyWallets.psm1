# Wallets for the finney (pow_register) tests: plain coldkeys (no argon2), each key from its own new mnemonic given as
# -Mnemonic (a host that cannot show a new one refuses to make it), nothing funded — pow_register needs no balance.
function New-PlainWallets {
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [hashtable] $Hotkeys)
    # The module's own assemblies load when a cmdlet first needs them; the mnemonic generator is needed first here.
    Add-Type -Path (Join-Path (Get-Module BittensorPow).ModuleBase 'BittensorPow.Subtensor.dll')
    foreach ($wallet in $Hotkeys.Keys) {
        New-BittensorWallet -Name $wallet -WalletPath $Root -NoPassword -Mnemonic (New-Phrase) | Out-Null
        foreach ($h in $Hotkeys[$wallet]) { New-BittensorHotkey -Name $h -Wallet $wallet -WalletPath $Root -Mnemonic (New-Phrase) | Out-Null }
    }
}

function New-Phrase { ConvertTo-SecureString ([BittensorPow.Subtensor.Crypto.MnemonicGenerator]::Generate(12)) -AsPlainText -Force }

<# A wallet's or hotkey's public file (coldkeypub.txt, hotkeys/<name>pub.txt) as an object: publicKey, ss58Address. #>
function Get-WalletPub {
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $Wallet, [string] $Hotkey)
    $path = if ($Hotkey) { Join-Path $Root "$Wallet/hotkeys/${Hotkey}pub.txt" } else { Join-Path $Root "$Wallet/coldkeypub.txt" }
    Get-Content $path -Raw | ConvertFrom-Json
}

<# Splatting for the cmdlets: -Wallet, -WalletHotkey, -WalletPath. #>
function Get-WalletArgs {
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $Wallet, [string] $Hotkey = 'default')
    @{ Wallet = $Wallet; WalletHotkey = $Hotkey; WalletPath = $Root }
}

Export-ModuleMember -Function New-PlainWallets, Get-WalletPub, Get-WalletArgs

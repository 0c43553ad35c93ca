@{
    RootModule           = 'BittensorPow.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3f0e-7c1d-4b8e-9d53-2f6a4e1c9a71'
    Author               = 'BittensorPow'
    CompanyName          = 'BittensorPow'
    Copyright            = '(c) 2026 BittensorPow contributors. MIT License (see LICENSE).'
    Description          = 'Solves Bittensor proof-of-work neuron registration on CPU and GPU, reads a subtensor node, and submits the registration.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    NestedModules        = @('BittensorPow.dll')
    FormatsToProcess     = @('BittensorPow.format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'New-PowSolution'
        'Test-PowSolution'
        'Measure-PowHashRate'
        'Get-SubtensorBlock'
        'Get-SubtensorSubnet'
        'Get-BittensorWallet'
        'New-BittensorWallet'
        'New-BittensorHotkey'
        'Get-PowDevice'
        'Register-SubtensorNeuron'
        'Request-SubtensorFaucet'
    )
    VariablesToExport    = @()
    FileList             = @('LICENSE', 'BittensorPow.psd1', 'BittensorPow.psm1', 'BittensorPow.dll', 'BittensorPow.format.ps1xml')
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Bittensor', 'ProofOfWork', 'Substrate', 'CUDA', 'OpenCL', 'Registration', 'Linux', 'PSEdition_Core')
            # MIT: the LICENSE file ships in the module folder (FileList). No project URI is given: none is published.
            License      = 'MIT'
            ReleaseNotes = '0.1.0: New-PowSolution (CPU SIMD, CUDA, OpenCL), Test-PowSolution, Register-SubtensorNeuron, Request-SubtensorFaucet, Get-SubtensorBlock, Get-SubtensorSubnet, Get-BittensorWallet, New-BittensorWallet, New-BittensorHotkey, Get-PowDevice, Measure-PowHashRate; about_BittensorPow.'
        }
    }
}

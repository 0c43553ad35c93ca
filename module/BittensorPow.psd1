@{
    RootModule           = 'BittensorPow.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3f0e-7c1d-4b8e-9d53-2f6a4e1c9a71'
    Author               = 'BittensorPow'
    CompanyName          = 'BittensorPow'
    Copyright            = '(c) BittensorPow. All rights reserved.'
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
        'Get-BittensorWallet'
        'Get-PowDevice'
        'Register-SubtensorNeuron'
        'Request-SubtensorFaucet'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Bittensor', 'ProofOfWork', 'Substrate', 'CUDA', 'Registration')
            ProjectUri = 'https://example.invalid/BittensorPow'
        }
    }
}
